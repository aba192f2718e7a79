package io.ferrymq.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the harness runs each workload: the profile's settings, any overrides from the command line, and the
 * {@code @Param} values to run.
 *
 * <ul>
 *   <li>{@link Profile#FULL}: each workload's own {@code @Fork}/{@code @Warmup}/{@code @Measurement}, and where a
 *   workload has none, {@link Settings#DEFAULT} (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement).</li>
 *   <li>{@link Profile#QUICK}: {@link Settings#QUICK} for every workload (1 fork, 1 x 1 s warm-up, 3 x 1 s
 *   measurement; less where the workload asks for less): a few minutes for everything, with wide error bars.</li>
 *   <li>{@link Profile#SMOKE}: {@link Settings#SMOKE}, in this JVM (forks 0), every parameter combination (each is
 *   code that can break: a durable store, another system) for a tenth of a second, a {@code messages} parameter
 *   at {@value #SMOKE_MESSAGES}: seconds, to check that every workload and the reports work. Its numbers mean
 *   nothing.</li>
 * </ul>
 *
 * @param profile    which defaults
 * @param overrides  settings given on the command line (null fields: not given)
 * @param params     {@code @Param} values given on the command line, by name
 * @param failOnError stop at the first workload that fails (smoke), or report it and go on (full, quick)
 */
public record Plan(Profile profile, Settings.Overrides overrides, Map<String, List<String>> params,
                   boolean failOnError) {

    /**
     * A {@code @Param} of this name sizes the data a workload prepares (messages loaded, stored, recovered); the
     * smoke run sets it to {@value #SMOKE_MESSAGES}. (Other sizes: {@link Smoke#scale}.)
     */
    public static final String SMOKE_SIZED_PARAM = "messages";
    public static final int SMOKE_MESSAGES = 1000;
    /** What a single shot is counted as in the estimate: its length is not known in advance. */
    static final double SINGLE_SHOT_SECONDS = 10;

    /** JVM options for forks of a workload that names none itself. */
    static final List<String> DEFAULT_JVM_ARGS = List.of("-Xms1g", "-Xmx1g");
    /** Seconds a fork costs besides its iterations (JVM start, brokers started and stopped), for the estimate. */
    private static final double FORK_OVERHEAD_SECONDS = 4;

    public enum Profile {
        FULL, QUICK, SMOKE
    }

    public Plan {
        params = Map.copyOf(params);
    }

    public static Plan of(Profile profile) {
        return new Plan(profile, Settings.Overrides.NONE, Map.of(), profile == Profile.SMOKE);
    }

    /** The settings {@code w} runs with. */
    public Settings settings(Workload w) {
        Settings base = switch (profile) {
            case FULL -> Settings.annotated(w.entry());
            case QUICK -> Settings.QUICK.atMost(Settings.annotated(w.entry()));
            case SMOKE -> Settings.SMOKE;
        };
        return overrides.apply(base);
    }

    /** The values each of {@code w}'s parameters runs with. */
    public Map<String, List<String>> params(Workload w) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        w.params().forEach((name, declared) -> {
            List<String> given = params.get(name);
            if (given != null) {
                out.put(name, given);
            } else if (profile == Profile.SMOKE && name.equals(SMOKE_SIZED_PARAM)) {
                out.put(name, List.of(Integer.toString(SMOKE_MESSAGES)));
            } else {
                out.put(name, declared);
            }
        });
        return out;
    }

    /** JMH runs (parameter combinations) of {@code w}. */
    public int runs(Workload w) {
        int runs = 1;
        for (List<String> values : params(w).values()) {
            runs *= values.size();
        }
        return runs;
    }

    /** How long {@code w} should take, from its settings (iterations run their full time in these modes). */
    public Duration estimate(Workload w) {
        Settings s = settings(w);
        boolean shots = w.mode() == org.openjdk.jmh.annotations.Mode.SingleShotTime;
        double warmup = shots ? SINGLE_SHOT_SECONDS : seconds(s.warmupTime());
        double measured = shots ? SINGLE_SHOT_SECONDS : seconds(s.time());
        if (shots && profile == Profile.SMOKE) {
            warmup = 0.1;
            measured = 0.1;
        }
        double perFork = s.warmupIterations() * warmup + s.iterations() * measured
                + (s.forks() == 0 ? 1 : FORK_OVERHEAD_SECONDS);
        return Duration.ofMillis(Math.round(1000 * perFork * Math.max(1, s.forks()) * runs(w)));
    }

    private static double seconds(TimeValue t) {
        return t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }

    /** JMH's options to run {@code w} alone. */
    public Options options(Workload w, VerboseMode verbosity) {
        Settings s = settings(w);
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(w.name()) + "$")
                .forks(s.forks())
                .warmupIterations(s.warmupIterations())
                .warmupTime(s.warmupTime())
                .measurementIterations(s.iterations())
                .measurementTime(s.time())
                .shouldFailOnError(failOnError)
                .verbosity(verbosity);
        params(w).forEach((name, values) -> b.param(name, values.toArray(new String[0])));
        if (s.forks() > 0) {
            b.jvmArgsAppend(forkJvmArgs(w).toArray(new String[0]));
        }
        return b.build();
    }

    /**
     * The workload's own {@code jvmArgsAppend} (or {@link #DEFAULT_JVM_ARGS} when it names no JVM options at all),
     * plus every {@code bench.*} system property of this JVM and the resolved {@link BenchData} directory, so
     * forks see what the command line set.
     */
    static List<String> forkJvmArgs(Workload w) {
        List<String> args = new ArrayList<>();
        var e = w.entry();
        boolean namesAny = e.getJvmArgs().hasValue() || e.getJvmArgsPrepend().hasValue()
                || e.getJvmArgsAppend().hasValue();
        Collection<String> own = e.getJvmArgsAppend().orElse(List.of());
        args.addAll(namesAny ? own : DEFAULT_JVM_ARGS);
        Map<String, String> props = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("bench.")) {
                props.put(k.toString(), v.toString());
            }
        });
        props.put(BenchData.PROPERTY, BenchData.resolve().toString());
        props.forEach((k, v) -> args.add("-D" + k + "=" + v));
        return args;
    }
}
