package io.ferrymq.compat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.compat.target.Targets;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the compatibility matrix, {@code docs/compatibility.md}, from what this build's tests recorded: the scenario
 * cells {@link MatrixRecorder} wrote to {@code target/compat-results/<target>.jsonl}, and JORAM's surefire reports in
 * {@code target/joram-reports/<target>/}. Run by compat-tests' {@code verify} phase (exec-maven-plugin); arguments:
 * the results directory, the JORAM reports directory, the file to write.
 *
 * <p>The output depends on the results only: columns in {@link Targets#ids()} order (then any other target
 * alphabetically), rows sorted by group and scenario, no timestamps, so the committed file changes when results do.
 * With no scenario results at all (tests skipped) it leaves the file as it is.
 */
public final class MatrixWriter {
    static final String COMMAND = "mvn -B verify";
    private static final int MAX_FAILURE_DETAIL = 200;
    /** Groups and scenarios: alphabetical, ignoring case (then exact, so the order is total). */
    private static final Comparator<String> ROW_ORDER = String.CASE_INSENSITIVE_ORDER
            .thenComparing(Comparator.naturalOrder());

    /** One recorded cell. */
    record Row(String group, String scenario, String target, String title, String cell, String detail) {
    }

    /** JORAM's counts for one target: tests run (not skipped), passed, skipped, and the failing tests' names. */
    record JoramCount(int run, int passed, int skipped, List<String> failing) {
    }

    private MatrixWriter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MatrixWriter <compat-results dir> <joram-reports dir> <output>");
        }
        Path results = Path.of(args[0]);
        Path joram = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<Row> rows = readRows(results);
        if (rows.isEmpty()) {
            System.out.println("[matrix] no scenario results in " + results + " (tests skipped?): " + out
                    + " left as it is");
            return;
        }
        String text = render(rows, readJoram(joram), Targets.ids());
        if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).equals(text)) {
            System.out.println("[matrix] " + out.normalize() + " unchanged");
            return;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("[matrix] wrote " + out.normalize());
    }

    /** Every row of every {@code *.jsonl} file in the directory (none if it does not exist). */
    static List<Row> readRows(Path dir) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return rows;
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                rows.add(new Row(n.path("group").asText(), n.path("scenario").asText(), n.path("target").asText(),
                        n.path("title").asText(), n.path("cell").asText(), n.path("detail").asText()));
            }
        }
        return rows;
    }

    /** JORAM's counts per report directory (named by target id), from surefire's TEST-*.xml files. */
    static Map<String, JoramCount> readJoram(Path dir) throws Exception {
        Map<String, JoramCount> counts = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return counts;
        }
        List<Path> targets;
        try (Stream<Path> s = Files.list(dir)) {
            targets = s.filter(Files::isDirectory).sorted().toList();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path target : targets) {
            List<Path> reports;
            try (Stream<Path> s = Files.list(target)) {
                reports = s.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith("TEST-") && name.endsWith(".xml");
                }).sorted().toList();
            }
            if (reports.isEmpty()) {
                continue;
            }
            int tests = 0;
            int skipped = 0;
            TreeSet<String> failing = new TreeSet<>();
            for (Path report : reports) {
                Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
                NodeList cases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    tests++;
                    if (c.getElementsByTagName("skipped").getLength() > 0) {
                        skipped++;
                    } else if (c.getElementsByTagName("failure").getLength() > 0
                            || c.getElementsByTagName("error").getLength() > 0) {
                        String cls = c.getAttribute("classname");
                        failing.add(cls.substring(cls.lastIndexOf('.') + 1) + "." + c.getAttribute("name"));
                    }
                }
            }
            int run = tests - skipped;
            counts.put(target.getFileName().toString(),
                    new JoramCount(run, run - failing.size(), skipped, List.copyOf(failing)));
        }
        return counts;
    }

    /** The whole document. {@code order}: the declared target ids, in column order. */
    static String render(List<Row> rows, Map<String, JoramCount> joram, List<String> order) {
        Map<String, String> titles = new TreeMap<>();
        for (Row r : rows) {
            titles.put(r.target(), r.title().isBlank() ? r.target() : r.title());
        }
        TreeSet<String> seen = new TreeSet<>(titles.keySet());
        seen.addAll(joram.keySet());
        List<String> columns = new ArrayList<>();
        order.stream().filter(seen::contains).forEach(columns::add);
        seen.stream().filter(id -> !columns.contains(id)).forEach(columns::add);

        // group -> scenario -> target -> row; a repeated invocation (a rerun) replaces the earlier one.
        Map<String, Map<String, Map<String, Row>>> table = new TreeMap<>(ROW_ORDER);
        boolean failed = false;
        for (Row r : rows) {
            table.computeIfAbsent(r.group(), g -> new TreeMap<>(ROW_ORDER))
                    .computeIfAbsent(r.scenario(), s -> new LinkedHashMap<>()).put(r.target(), r);
        }
        for (Map<String, Map<String, Row>> scenarios : table.values()) {
            for (Map<String, Row> cells : scenarios.values()) {
                failed |= cells.values().stream().anyMatch(r -> r.cell().equals("FAILED"));
            }
        }
        List<String> scenarioColumns = columns.stream().filter(titles::containsKey).toList();

        StringBuilder md = new StringBuilder();
        md.append("# FerryMQ compatibility matrix\n\n");
        md.append("<!-- Generated by `").append(COMMAND)
                .append("` (compat-tests, io.ferrymq.compat.matrix.MatrixWriter). Do not edit by hand. -->\n\n");
        md.append("Generated by `").append(COMMAND).append("` from the root (module `compat-tests`, class\n"
                + "`io.ferrymq.compat.matrix.MatrixWriter`, in the `verify` phase) from that build's test results:\n"
                + "do not edit it by hand; change a scenario or a target and rebuild. One JMS scenario suite\n"
                + "(`compat-tests/src/test/java/io/ferrymq/compat/scenario`, JMS API only) runs against every target.\n"
                + "Each cell compares the target with a JMS broker (the spec, and Artemis): `same`; `differs: how`,\n"
                + "as the target documents it (FerryMQ: [jms-mapping.md](jms-mapping.md)) and the scenario asserts\n"
                + "it; `unsupported: why`: the target cannot do this; the scenario asserts what it does instead.\n\n");
        if (failed) {
            md.append("**This build was red**: `FAILED` cells are scenarios that failed on that target.\n\n");
        }

        if (!joram.isEmpty()) {
            md.append("## JORAM conformance suite\n\n");
            md.append("The JORAM JMS conformance tests, rewritten to `jakarta.jms`, run once per target\n"
                    + "(reports: `compat-tests/target/joram-reports/<target>/`).\n\n");
            md.append("| target | passed / run |\n|---|---|\n");
            for (String id : columns) {
                JoramCount c = joram.get(id);
                if (c == null) {
                    continue;
                }
                md.append("| ").append(cellText(titles.getOrDefault(id, id))).append(" | ").append(c.passed())
                        .append(" / ").append(c.run());
                if (c.skipped() > 0) {
                    md.append(" (").append(c.skipped()).append(" skipped)");
                }
                md.append(" |\n");
            }
            md.append('\n');
            for (String id : columns) {
                JoramCount c = joram.get(id);
                if (c != null && !c.failing().isEmpty()) {
                    md.append("Failing on ").append(titles.getOrDefault(id, id)).append(": ")
                            .append(String.join(", ", c.failing().stream().map(f -> "`" + f + "`").toList()))
                            .append(".\n\n");
                }
            }
        }

        md.append("## Scenarios\n\n");
        md.append("| group | scenario |");
        for (String id : scenarioColumns) {
            md.append(' ').append(cellText(titles.get(id))).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---|".repeat(scenarioColumns.size()));
        md.append('\n');
        table.forEach((group, scenarios) -> {
            boolean first = true;
            for (Map.Entry<String, Map<String, Row>> e : scenarios.entrySet()) {
                md.append("| ").append(first ? "**" + cellText(group) + "**" : "").append(" | ")
                        .append(cellText(e.getKey())).append(" |");
                for (String id : scenarioColumns) {
                    Row r = e.getValue().get(id);
                    md.append(' ').append(r == null ? "not run" : cellText(cell(r))).append(" |");
                }
                md.append('\n');
                first = false;
            }
        });
        return md.toString();
    }

    /** {@code same}, {@code differs: how}, {@code unsupported: why}, {@code FAILED: message}. */
    private static String cell(Row r) {
        String detail = r.detail().replaceAll("\\s+", " ").trim();
        return switch (r.cell()) {
            case "SAME" -> detail.isEmpty() ? "same" : "same: " + detail;
            case "DIFFERS" -> "differs: " + detail;
            case "UNSUPPORTED" -> "unsupported: " + detail;
            default -> "**" + r.cell() + "**: " + (detail.length() > MAX_FAILURE_DETAIL
                    ? detail.substring(0, MAX_FAILURE_DETAIL) + "..." : detail);
        };
    }

    /** One line, safe inside a Markdown table cell. */
    private static String cellText(String s) {
        return s.replaceAll("\\s+", " ").trim().replace("|", "\\|");
    }
}
