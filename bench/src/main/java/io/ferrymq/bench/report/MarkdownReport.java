package io.ferrymq.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A {@link Report} as Markdown: what ran where, the tables, notes, settings and failures. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("# FerryMQ benchmarks, ").append(r.started()).append("\n\n");
        b.append("```\n").append(r.command()).append("\n```\n\n");
        b.append("Profile **").append(r.profile()).append("**, ").append(r.workloads().size())
                .append(" workload(s), ").append(duration(r.seconds())).append(", run in `").append(r.directory())
                .append("`").append(r.commit() == null ? "" : " at commit `" + r.commit() + "`").append(".\n\n");

        b.append("## Machine\n\n");
        List<List<String>> machine = new ArrayList<>();
        Machine m = r.machine();
        machine.add(List.of("CPU", m.cpu()));
        machine.add(List.of("cores", Integer.toString(m.cores())));
        machine.add(List.of("memory", m.memoryText()));
        machine.add(List.of("JDK", m.jdk()));
        machine.add(List.of("OS", m.os()));
        b.append(Tables.markdown(List.of("", ""), machine)).append('\n');

        b.append("## Results\n\n");
        List<List<String>> compared = Tables.compared(r.rows());
        if (!compared.isEmpty()) {
            b.append(Tables.LEGEND).append("\n\n");
            b.append(Tables.markdown(Tables.COMPARED_HEADER, compared)).append('\n');
        }
        List<List<String>> plain = Tables.plain(r.rows());
        if (!plain.isEmpty()) {
            b.append("Without an alternative (references and limits):\n\n");
            b.append(Tables.markdown(Tables.PLAIN_HEADER, plain)).append('\n');
        }
        if (compared.isEmpty() && plain.isEmpty()) {
            b.append("No results.\n\n");
        }
        if (!r.failures().isEmpty()) {
            b.append("## Failures\n\n");
            r.failures().forEach(f -> b.append("- ").append(f).append('\n'));
            b.append('\n');
        }
        if (!r.notes().isEmpty()) {
            b.append("## Notes\n\n");
            r.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        b.append("## Settings\n\n");
        List<List<String>> settings = new ArrayList<>();
        for (Report.WorkloadRun w : r.workloads()) {
            settings.add(List.of(w.name(), w.mode(), w.params(), Integer.toString(w.threads()),
                    Integer.toString(w.runs()), w.settings()));
        }
        b.append(Tables.markdown(List.of("workload", "mode", "params", "threads", "runs", "each run"), settings));
        return b.toString();
    }

    static String duration(long seconds) {
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
