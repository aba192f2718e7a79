package io.ferrymq.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.concurrent.TimeUnit;

/**
 * Forks and iterations of one workload's runs.
 *
 * @param forks            JVMs per parameter combination (0: in this JVM)
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime       each warm-up iteration's length
 * @param iterations       measured iterations per fork
 * @param time             each measured iteration's length
 */
public record Settings(int forks, int warmupIterations, TimeValue warmupTime, int iterations, TimeValue time) {
    /** For a workload that does not say: 1 fork, 3 x 2 s warm-up, 5 x 2 s measured. */
    public static final Settings DEFAULT = new Settings(1, 3, TimeValue.seconds(2), 5, TimeValue.seconds(2));
    /** {@code --quick}: 1 fork, 1 x 1 s warm-up, 3 x 1 s measured, or less where the workload asks for less. */
    public static final Settings QUICK = new Settings(1, 1, TimeValue.seconds(1), 3, TimeValue.seconds(1));
    /** {@code --smoke} and the smoke test: in this JVM, 1 x 50 ms warm-up, 1 x 100 ms measured. */
    public static final Settings SMOKE = new Settings(0, 1, TimeValue.milliseconds(50), 1,
            TimeValue.milliseconds(100));

    /** What the workload's annotations ask for, {@link #DEFAULT} where they are silent. */
    public static Settings annotated(BenchmarkListEntry e) {
        return new Settings(
                e.getForks().orElse(DEFAULT.forks),
                e.getWarmupIterations().orElse(DEFAULT.warmupIterations),
                e.getWarmupTime().orElse(DEFAULT.warmupTime),
                e.getMeasurementIterations().orElse(DEFAULT.iterations),
                e.getMeasurementTime().orElse(DEFAULT.time));
    }

    /** {@code 1 fork, 3 x 2 s warm-up, 5 x 2 s} ({@code 1 fork, 0 + 1 single shots} in SingleShotTime mode). */
    public String describe(Mode mode) {
        String f = forks == 0 ? "in-process" : forks + (forks == 1 ? " fork" : " forks");
        if (mode == Mode.SingleShotTime) {
            return f + ", " + warmupIterations + " warm-up + " + iterations + " measured single shot(s)";
        }
        return f + ", " + warmupIterations + " x " + warmupTime + " warm-up, " + iterations + " x " + time;
    }

    /**
     * {@code --quick}: these settings, but never more than {@code full} asks for (a workload of one long single
     * shot stays one shot).
     */
    Settings atMost(Settings full) {
        return new Settings(Math.max(1, Math.min(forks, full.forks)),
                Math.min(warmupIterations, full.warmupIterations), shorter(warmupTime, full.warmupTime),
                Math.max(1, Math.min(iterations, full.iterations)), shorter(time, full.time));
    }

    private static TimeValue shorter(TimeValue a, TimeValue b) {
        return a.convertTo(TimeUnit.NANOSECONDS) <= b.convertTo(TimeUnit.NANOSECONDS) ? a : b;
    }

    /** Settings given on the command line; a null field leaves the profile's. */
    public record Overrides(Integer forks, Integer warmupIterations, TimeValue warmupTime, Integer iterations,
                            TimeValue time) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null);

        Settings apply(Settings s) {
            return new Settings(
                    forks != null ? forks : s.forks,
                    warmupIterations != null ? warmupIterations : s.warmupIterations,
                    warmupTime != null ? warmupTime : s.warmupTime,
                    iterations != null ? iterations : s.iterations,
                    time != null ? time : s.time);
        }
    }
}
