package io.ferrymq.bench.report;

import io.ferrymq.bench.Workload;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Report} as JSON: {@code run} (when, command, profile, commit), {@code machine}, {@code notes},
 * {@code rows} (the table: each with FerryMQ's and the alternative's score and error, and the ratio with its
 * range), {@code results} (every JMH run: benchmark, mode, params, settings, score, error, unit, samples,
 * percentiles, each measured iteration's score) and {@code failures}. A figure JMH could not give (an error bar of
 * one iteration) is null.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("started", r.started().toString());
        run.put("seconds", r.seconds());
        run.put("command", r.command());
        run.put("directory", r.directory());
        run.put("profile", r.profile());
        run.put("commit", r.commit());
        root.put("run", run);

        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", r.machine().cpu());
        machine.put("cores", r.machine().cores());
        machine.put("memoryBytes", r.machine().memoryBytes());
        machine.put("jdk", r.machine().jdk());
        machine.put("os", r.machine().os());
        root.put("machine", machine);
        root.put("notes", r.notes());

        List<Object> workloads = new ArrayList<>();
        for (Report.WorkloadRun w : r.workloads()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", w.name());
            o.put("mode", w.mode());
            o.put("params", w.params());
            o.put("threads", w.threads());
            o.put("runs", w.runs());
            o.put("settings", w.settings());
            workloads.add(o);
        }
        root.put("workloads", workloads);

        List<Object> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("workload", row.workload());
            o.put("metric", row.metric());
            o.put("params", row.params());
            o.put("unit", row.unit());
            o.put("higherIsBetter", row.higherIsBetter());
            if (row.compared()) {
                o.put("ferrymq", cell(row.score()));
                o.put("versus", row.versus());
                o.put("alternative", cell(row.versusScore()));
                o.put("ratio", row.ratio());
                double[] range = row.ratioRange();
                o.put("ratioLow", range[0]);
                o.put("ratioHigh", range[1]);
            } else {
                o.put("score", cell(row.score()));
            }
            rows.add(o);
        }
        root.put("rows", rows);

        List<Object> results = new ArrayList<>();
        for (RunResult result : r.results()) {
            results.add(raw(result));
        }
        root.put("results", results);
        root.put("failures", r.failures());
        StringBuilder b = new StringBuilder();
        write(b, root, "");
        return b.append('\n').toString();
    }

    private static Object cell(Row.Cell c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("score", c.score());
        o.put("error", c.error());
        return o;
    }

    private static Map<String, Object> raw(RunResult result) {
        BenchmarkParams p = result.getParams();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("benchmark", Workload.shortName(p.getBenchmark()));
        o.put("mode", p.getMode().shortLabel());
        Map<String, Object> params = new LinkedHashMap<>();
        for (String k : ResultTable.keys(p)) {
            params.put(k, p.getParam(k));
        }
        o.put("params", params);
        o.put("threads", p.getThreads());
        o.put("forks", p.getForks());
        o.put("warmup", p.getWarmup().getCount() + " x " + p.getWarmup().getTime());
        o.put("measurement", p.getMeasurement().getCount() + " x " + p.getMeasurement().getTime());
        o.put("jvmArgs", new ArrayList<Object>(p.getJvmArgs()));
        Result<?> primary = result.getPrimaryResult();
        o.put("score", primary.getScore());
        o.put("error", primary.getScoreError());
        o.put("unit", primary.getScoreUnit());
        o.put("samples", primary.getSampleCount());
        Map<String, Object> figures = new LinkedHashMap<>();
        ResultTable.figures(result).forEach((metric, cell) -> {
            if (!metric.isEmpty()) {
                figures.put(metric, cell.score());
            }
        });
        if (!figures.isEmpty()) {
            o.put("figures", figures);
        }
        List<Object> iterations = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            List<Object> scores = new ArrayList<>();
            for (IterationResult it : fork.getIterationResults()) {
                scores.add(it.getPrimaryResult().getScore());
            }
            iterations.add(scores);
        }
        o.put("iterations", iterations);
        return o;
    }

    // ---- a small JSON writer: maps, lists, strings, numbers, booleans, null ----

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            String inner = indent + "  ";
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(inner);
                string(b, e.getKey().toString());
                b.append(": ");
                write(b, e.getValue(), inner);
                b.append(++i < map.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                b.append("[]");
                return;
            }
            boolean flat = list.stream().allMatch(x -> x instanceof Number);
            b.append(flat ? "[" : "[\n");
            String inner = indent + "  ";
            for (int i = 0; i < list.size(); i++) {
                if (!flat) {
                    b.append(inner);
                }
                write(b, list.get(i), inner);
                if (i + 1 < list.size()) {
                    b.append(flat ? ", " : ",\n");
                }
            }
            b.append(flat ? "]" : "\n" + indent + "]");
        } else if (v instanceof Double d) {
            b.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
        } else if (v instanceof Float f) {
            write(b, f.doubleValue(), indent);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
