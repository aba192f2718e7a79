package io.ferrymq.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two tables of a report, as lists of cells, for the console ({@link #text}) and Markdown
 * ({@link #markdown}): FerryMQ against the alternatives, and the workloads without one.
 */
public final class Tables {
    public static final List<String> COMPARED_HEADER =
            List.of("workload", "params", "unit", "FerryMQ", "vs", "alternative", "ratio (>1: FerryMQ better)");
    public static final List<String> PLAIN_HEADER = List.of("workload", "params", "unit", "score");
    /** How to read the compared table, printed above it. */
    public static final String LEGEND = "Each FerryMQ figure beside the alternative's from the same run. "
            + "ratio = FerryMQ / alternative for throughput (ops/s; for the JMS workloads an operation is a message), "
            + "alternative / FerryMQ for times (s/op, ms/op, us/op), so above 1 always means FerryMQ is better; "
            + "in brackets the range the error bars allow. \u00b1 is JMH's error: half the 99.9% confidence interval "
            + "over the measured iterations (none for percentiles, nor for a single iteration).";

    private Tables() {
    }

    public static List<List<String>> compared(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.compared()) {
                out.add(List.of(r.label(), params(r.params()), r.unit(), cell(r.score()),
                        r.versus() == null ? "-" : r.versus(), cell(r.versusScore()), ratio(r)));
            }
        }
        return out;
    }

    public static List<List<String>> plain(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            if (!r.compared()) {
                out.add(List.of(r.label(), params(r.params()), r.unit(), cell(r.score())));
            }
        }
        return out;
    }

    static String params(Map<String, String> params) {
        return params.isEmpty() ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code 45,210 ± 1,200}; {@code failed} for a missing figure. */
    static String cell(Row.Cell c) {
        if (c == null) {
            return "failed";
        }
        String format = format(c.score());
        String s = String.format(Locale.ROOT, format, c.score());
        if (!Double.isNaN(c.error()) && !Double.isInfinite(c.error())) {
            s += " \u00b1 " + String.format(Locale.ROOT, format, c.error());
        }
        return s;
    }

    /** {@code 0.46 (0.43–0.49)}. */
    static String ratio(Row r) {
        double ratio = r.ratio();
        if (Double.isNaN(ratio)) {
            return "-";
        }
        String s = String.format(Locale.ROOT, "%.2f", ratio);
        double[] range = r.ratioRange();
        if (!Double.isNaN(range[0])) {
            s += " (" + String.format(Locale.ROOT, "%.2f", range[0]) + "\u2013"
                    + (Double.isInfinite(range[1]) ? "\u221e" : String.format(Locale.ROOT, "%.2f", range[1])) + ")";
        }
        return s;
    }

    /** Decimals by magnitude: three significant digits at least, thousands grouped. */
    private static String format(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v)) {
            return "%f";
        }
        if (a >= 100) {
            return "%,.0f"; // grouped: the error bar may be larger than the figure
        }
        if (a >= 10) {
            return "%.1f";
        }
        if (a >= 1) {
            return "%.2f";
        }
        return a == 0 ? "%.0f" : "%.3g";
    }

    /** Columns padded to their widest cell, numbers right-aligned. */
    public static String text(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, width);
        for (int i = 0; i < width.length; i++) {
            b.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        b.append('\n');
        for (List<String> row : rows) {
            line(b, row, width);
        }
        return b.toString();
    }

    /** A figure (or the marks standing for a missing one), which tables right-align. */
    private static boolean numeric(String c) {
        return !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.equals("failed") || c.equals("-"));
    }

    private static void line(StringBuilder b, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean number = numeric(c);
            String pad = " ".repeat(width[i] - c.length());
            b.append(i == 0 ? "" : "  ").append(number && i > 2 ? pad + c : c + (i == cells.size() - 1 ? "" : pad));
        }
        b.append('\n');
    }

    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            boolean numbers = !rows.isEmpty() && rows.stream().allMatch(r -> numeric(r.get(column)));
            b.append(numbers ? "---:|" : "---|");
        }
        b.append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(row.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return b.toString();
    }
}
