package io.ferrymq.bench.report;

import io.ferrymq.bench.Workload;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns JMH's results into {@link Row}s: results that differ only in their {@code system} parameter are paired,
 * FerryMQ's ({@code system=ferrymq}) beside each alternative's, one row per alternative; results of a workload
 * without a {@code system} parameter are plain rows. A result in a time mode gives its mean; a sampled one
 * (SampleTime) also its p50, p99 and p99.9, each paired the same way. Secondary results (JMH's labelled extra
 * figures) become rows of their own.
 */
public final class ResultTable {
    /** The percentiles a sampled time is reported at, with their labels. */
    static final double[] PERCENTILES = {50, 99, 99.9};
    static final String[] PERCENTILE_LABELS = {"p50", "p99", "p99.9"};

    private static final Pattern JMH_PERCENTILE = Pattern.compile("p[01]\\.\\d+");

    private ResultTable() {
    }

    public static List<Row> rows(Collection<RunResult> results) {
        Map<String, Map<String, RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String system = keys(p).contains(Workload.SYSTEM) ? p.getParam(Workload.SYSTEM) : null;
            String key = p.getBenchmark() + "|" + p.getMode() + "|" + paramsWithoutSystem(p);
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(system, r);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, RunResult> group : groups.values()) {
            RunResult ferry = group.get(Workload.FERRYMQ);
            if (ferry != null) {
                boolean any = false;
                for (Map.Entry<String, RunResult> alt : group.entrySet()) {
                    if (!Workload.FERRYMQ.equals(alt.getKey())) {
                        rows.addAll(compared(ferry, alt.getKey(), alt.getValue()));
                        any = true;
                    }
                }
                if (!any) {
                    rows.addAll(compared(ferry, null, null));
                }
            } else {
                for (RunResult r : group.values()) {
                    rows.addAll(plain(r));
                }
            }
        }
        return rows;
    }

    private static List<Row> compared(RunResult ferry, String versus, RunResult alt) {
        BenchmarkParams p = ferry.getParams();
        Map<String, Row.Cell> mine = figures(ferry);
        Map<String, Row.Cell> theirs = alt == null ? Map.of() : figures(alt);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Row.Cell> m : mine.entrySet()) {
            rows.add(new Row(Workload.shortName(p.getBenchmark()), m.getKey(), paramsWithoutSystem(p),
                    unit(ferry, m.getKey()), higherIsBetter(p.getMode(), ferry, m.getKey()), Workload.FERRYMQ,
                    m.getValue(), versus, theirs.get(m.getKey())));
        }
        return rows;
    }

    private static List<Row> plain(RunResult r) {
        BenchmarkParams p = r.getParams();
        Map<String, String> params = new LinkedHashMap<>();
        for (String k : keys(p)) {
            params.put(k, p.getParam(k));
        }
        List<Row> rows = new ArrayList<>();
        figures(r).forEach((metric, cell) -> rows.add(new Row(Workload.shortName(p.getBenchmark()), metric, params,
                unit(r, metric), higherIsBetter(p.getMode(), r, metric), null, cell, null, null)));
        return rows;
    }

    /** Metric label to figure: the score (or a sampled time's mean and percentiles), then secondary results. */
    static Map<String, Row.Cell> figures(RunResult r) {
        Map<String, Row.Cell> out = new LinkedHashMap<>();
        Result<?> primary = r.getPrimaryResult();
        if (r.getParams().getMode() == Mode.SampleTime) {
            for (int i = 0; i < PERCENTILES.length; i++) {
                out.put(PERCENTILE_LABELS[i],
                        new Row.Cell(primary.getStatistics().getPercentile(PERCENTILES[i]), Double.NaN));
            }
            out.put("mean", new Row.Cell(primary.getScore(), primary.getScoreError()));
        } else {
            out.put("", new Row.Cell(primary.getScore(), primary.getScoreError()));
        }
        for (Map.Entry<String, Result> s : r.getSecondaryResults().entrySet()) {
            if (r.getParams().getMode() == Mode.SampleTime && JMH_PERCENTILE.matcher(s.getKey()).matches()) {
                continue; // SampleTime's own percentile list (p0.00 ... p1.00): p50/p99/p99.9 above say it
            }
            out.put(s.getKey(), new Row.Cell(s.getValue().getScore(), s.getValue().getScoreError()));
        }
        return out;
    }

    private static String unit(RunResult r, String metric) {
        Result<?> s = r.getSecondaryResults().get(metric);
        return s != null ? s.getScoreUnit() : r.getPrimaryResult().getScoreUnit();
    }

    private static boolean higherIsBetter(Mode mode, RunResult r, String metric) {
        return mode == Mode.Throughput || (r.getSecondaryResults().containsKey(metric)
                && r.getSecondaryResults().get(metric).getScoreUnit().endsWith("/s"));
    }

    /** The run's parameters except {@code system}, in name order. */
    static Map<String, String> paramsWithoutSystem(BenchmarkParams p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : keys(p)) {
            if (!k.equals(Workload.SYSTEM)) {
                out.put(k, p.getParam(k));
            }
        }
        return out;
    }

    /** The run's parameter names, sorted (JMH hands them over as a raw collection). */
    static List<String> keys(BenchmarkParams p) {
        List<String> keys = new ArrayList<>();
        for (Object k : p.getParamsKeys()) {
            keys.add(Objects.toString(k));
        }
        keys.sort(null);
        return keys;
    }
}
