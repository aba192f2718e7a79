package io.ferrymq.bench;

import io.ferrymq.bench.report.Report;
import io.ferrymq.bench.report.Tables;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' command line: runs the selected workloads through JMH, prints the table (FerryMQ beside each
 * alternative measured in the same run, with the ratio) and writes it to {@code bench/results/<timestamp>.md} and
 * {@code .json} with the machine and the exact command. {@code --help} says how.
 */
public final class BenchMain {
    static final String USAGE = """
            Usage: java -jar bench/target/benchmarks.jar [options] [regex ...]

              regex                 run the workloads whose name (io.ferrymq.bench.<area>.<Class>.<method>)
                                    contains a match, e.g. JmsThroughput, 'jms\\.', 'Latency|Transacted'
                                    (none: all)
              --quick               a few-minute run: every workload 1 fork, 1 x 1 s warm-up, 3 x 1 s measured
                                    (less where the workload itself asks for less)
              --smoke               seconds: in this JVM, 1 x 50 ms warm-up + 1 x 100 ms for every param
                                    combination, a param 'messages' at 1000; checks the harness, its numbers
                                    mean nothing
              --list                list the selected workloads, their params, settings and estimated time
              -p, --param NAME=V1,V2
                                    run only these values of a @Param (repeatable), e.g. -p storage=memory
              --forks N, --warmup N, --iterations N, --warmup-time T, --time T
                                    override every selected workload's settings (T: 500ms, 2s, 1m)
              --out DIR             where the .md and .json go (default bench/results, or results when run
                                    inside bench/)
              -h, --help            this text

            Without --quick/--smoke each workload runs with its own annotated settings (1 fork, 3 x 2 s warm-up,
            5 x 2 s measured where it names none). System properties bench.* given to this JVM (-Dbench.x=y before
            -jar) are passed on to the forks, e.g. -Dbench.artemis.journal=NIO, -Dbench.dataDir=/fast/disk.
            """;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, out);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            code = 2;
        }
        out.flush();
        System.exit(code);
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Runs the command line {@code args}; returns the exit code (0 fine, 1 a workload failed). */
    static int run(String[] args, PrintStream out) throws Exception {
        Plan.Profile profile = Plan.Profile.FULL;
        boolean list = false;
        boolean custom = false;
        List<String> regexes = new ArrayList<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        Integer forks = null;
        Integer warmup = null;
        Integer iterations = null;
        TimeValue warmupTime = null;
        TimeValue time = null;
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--quick" -> profile = Plan.Profile.QUICK;
                case "--smoke" -> profile = Plan.Profile.SMOKE;
                case "--list" -> list = true;
                case "-p", "--param" -> {
                    String v = value(args, ++i, a);
                    int eq = v.indexOf('=');
                    if (eq <= 0 || eq == v.length() - 1) {
                        throw new UsageException(a + " wants NAME=V1,V2, not " + v);
                    }
                    params.put(v.substring(0, eq), List.of(v.substring(eq + 1).split(",")));
                }
                case "--forks" -> forks = integer(args, ++i, a);
                case "--warmup" -> warmup = integer(args, ++i, a);
                case "--iterations" -> iterations = integer(args, ++i, a);
                case "--warmup-time" -> warmupTime = timeValue(args, ++i, a);
                case "--time" -> time = timeValue(args, ++i, a);
                case "--out" -> outDir = Path.of(value(args, ++i, a));
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("Unknown option " + a);
                    }
                    regexes.add(a);
                }
            }
        }
        custom = forks != null || warmup != null || iterations != null || warmupTime != null || time != null;
        Plan plan = new Plan(profile, new Settings.Overrides(forks, warmup, warmupTime, iterations, time), params,
                profile == Plan.Profile.SMOKE);

        List<Workload> workloads = Workload.find(regexes);
        if (workloads.isEmpty()) {
            out.println("No workload matches " + regexes + ". The workloads:");
            Workload.find(List.of()).forEach(w -> out.println("  " + w.shortName()));
            return 2;
        }
        for (String name : params.keySet()) {
            if (workloads.stream().noneMatch(w -> w.params().containsKey(name))) {
                throw new UsageException("No selected workload has a parameter " + name);
            }
        }
        Duration total = Duration.ZERO;
        for (Workload w : workloads) {
            total = total.plus(plan.estimate(w));
        }
        if (list) {
            for (Workload w : workloads) {
                out.printf("%s  [%s, %d thread(s)]%n", w.shortName(), w.mode().shortLabel(), w.threads());
                plan.params(w).forEach((k, v) -> out.printf("    %s = %s%n", k, String.join(", ", v)));
                out.printf("    %d run(s), each %s: about %s%n", plan.runs(w), plan.settings(w).describe(w.mode()),
                        duration(plan.estimate(w)));
            }
            out.printf("%d workload(s), about %s in all%n", workloads.size(), duration(total));
            return 0;
        }

        String profileName = profile.name().toLowerCase(java.util.Locale.ROOT) + (custom ? " (custom settings)" : "");
        out.printf("FerryMQ benchmarks: %d workload(s), %s profile, about %s%n", workloads.size(), profileName,
                duration(total));
        Harness.Outcome outcome = Harness.run(workloads, plan, VerboseMode.NORMAL, out);
        Report report = Harness.report(workloads, plan, outcome, command(args), profileName);

        out.println();
        out.println("== FerryMQ benchmarks: " + duration(outcome.elapsed()) + " (" + profileName + ") ==");
        List<List<String>> compared = Tables.compared(report.rows());
        if (!compared.isEmpty()) {
            out.println(Tables.LEGEND);
            out.println();
            out.print(Tables.text(Tables.COMPARED_HEADER, compared));
        }
        List<List<String>> plain = Tables.plain(report.rows());
        if (!plain.isEmpty()) {
            out.println();
            out.println("Without an alternative:");
            out.print(Tables.text(Tables.PLAIN_HEADER, plain));
        }
        if (!report.notes().isEmpty()) {
            out.println();
            report.notes().forEach(n -> out.println("Note: " + n));
        }
        if (!report.failures().isEmpty()) {
            out.println();
            report.failures().forEach(f -> out.println("FAILED: " + f));
        }
        Path dir = outDir != null ? outDir : defaultOut();
        List<Path> files = report.write(dir);
        out.println();
        out.println("Written: " + files.get(0) + " and " + files.get(1));
        return report.failures().isEmpty() ? 0 : 1;
    }

    /** bench/results from the repository's root, results from inside bench/. */
    static Path defaultOut() {
        if (Files.isDirectory(Path.of("bench"))) {
            return Path.of("bench", "results");
        }
        return Path.of("results");
    }

    /** The command line as the OS has it, else rebuilt from what this JVM knows. */
    static String command(String[] args) {
        return ProcessHandle.current().info().commandLine().orElseGet(() -> {
            StringBuilder b = new StringBuilder("java");
            for (String jvmArg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                b.append(' ').append(jvmArg);
            }
            b.append(" -jar ").append(System.getProperty("java.class.path"));
            for (String a : args) {
                b.append(' ').append(a);
            }
            return b.toString();
        });
    }

    static String duration(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " wants a value");
        }
        return args[i];
    }

    private static int integer(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " wants a whole number, not " + v);
        }
    }

    private static TimeValue timeValue(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            return TimeValue.fromString(v);
        } catch (RuntimeException e) {
            throw new UsageException(option + " wants a time such as 500ms, 2s or 1m, not " + v);
        }
    }
}
