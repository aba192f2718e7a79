package io.ferrymq.bench.report;

import java.util.Map;

/**
 * One line of the results: FerryMQ's figure beside an alternative's from the same run (a compared row), or a
 * workload's figure alone (a plain row: {@code system} and {@code versus} null).
 *
 * @param workload       {@code <area>.<Class>.<method>}
 * @param metric         what of the result: empty for the score, {@code p50}/{@code p99}/{@code p99.9}/{@code mean}
 *                       for a sampled time, or a secondary result's label
 * @param params         the run's parameters, without {@code system}
 * @param unit           JMH's unit ({@code ops/s}: the workload's operations, messages for the JMS workloads)
 * @param higherIsBetter throughput (true) or time (false)
 * @param system         {@code ferrymq} for a compared row, null for a plain one
 * @param score          FerryMQ's figure (or the plain row's); null if that run failed
 * @param versus         the alternative's {@code system} value; null for a plain row or when no alternative ran
 * @param versusScore    the alternative's figure; null if it did not run or failed
 */
public record Row(String workload, String metric, Map<String, String> params, String unit, boolean higherIsBetter,
                  String system, Cell score, String versus, Cell versusScore) {

    /** A figure and JMH's error bar (half the 99.9% confidence interval; NaN when it has none, e.g. percentiles). */
    public record Cell(double score, double error) {
    }

    public boolean compared() {
        return system != null;
    }

    /** The workload and metric, e.g. {@code jms.JmsLatency.sendToReceive p99}. */
    public String label() {
        return metric.isEmpty() ? workload : workload + " " + metric;
    }

    /**
     * FerryMQ's advantage: FerryMQ / alternative for throughput, alternative / FerryMQ for times, so that above 1
     * always means FerryMQ is better. NaN without both figures.
     */
    public double ratio() {
        if (score == null || versusScore == null) {
            return Double.NaN;
        }
        return higherIsBetter ? score.score() / versusScore.score() : versusScore.score() / score.score();
    }

    /**
     * The ratio's range when each figure is anywhere within its error bar: {low, high}, or NaNs when either has no
     * error bar.
     */
    public double[] ratioRange() {
        if (score == null || versusScore == null || !finite(score.error()) || !finite(versusScore.error())) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double fLow = score.score() - score.error();
        double fHigh = score.score() + score.error();
        double aLow = versusScore.score() - versusScore.error();
        double aHigh = versusScore.score() + versusScore.error();
        return higherIsBetter
                ? new double[] {Math.max(0, fLow) / aHigh, aLow > 0 ? fHigh / aLow : Double.POSITIVE_INFINITY}
                : new double[] {Math.max(0, aLow) / fHigh, fLow > 0 ? aHigh / fLow : Double.POSITIVE_INFINITY};
    }

    private static boolean finite(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }
}
