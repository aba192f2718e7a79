package io.ferrymq.bench;

import io.ferrymq.bench.jms.JmsSystem;
import io.ferrymq.bench.report.Machine;
import io.ferrymq.bench.report.Report;
import io.ferrymq.bench.report.ResultTable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs workloads through JMH's Runner, one workload at a time (so each keeps its own annotated settings), and
 * makes the {@link Report} of what they gave: {@link BenchMain} from the command line, the smoke test in-process.
 */
public final class Harness {
    private Harness() {
    }

    /** What a run gave: JMH's results, and a line for each workload (or run) that failed. */
    public record Outcome(Instant started, Duration elapsed, List<RunResult> results, List<String> failures) {
    }

    public static Outcome run(List<Workload> workloads, Plan plan, VerboseMode verbosity, PrintStream log) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        boolean smoke = plan.profile() == Plan.Profile.SMOKE;
        String before = System.getProperty(Smoke.PROPERTY);
        if (smoke) {
            System.setProperty(Smoke.PROPERTY, "true"); // forks 0: the workloads run in this JVM
        }
        List<RunResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            int i = 0;
            for (Workload w : workloads) {
                i++;
                log.printf("%n[%d/%d] %s: %d run(s), %s, about %s%n", i, workloads.size(), w.shortName(),
                        plan.runs(w), plan.settings(w).describe(w.mode()), BenchMain.duration(plan.estimate(w)));
                try {
                    List<RunResult> got = new ArrayList<>(new Runner(plan.options(w, verbosity)).run());
                    results.addAll(got);
                    if (got.size() < plan.runs(w)) {
                        failures.add(w.shortName() + ": " + (plan.runs(w) - got.size()) + " of " + plan.runs(w)
                                + " runs failed (JMH's output says why)");
                    }
                } catch (RunnerException | RuntimeException e) {
                    if (plan.failOnError()) {
                        throw new IllegalStateException(w.shortName() + " failed", e);
                    }
                    failures.add(w.shortName() + ": " + e);
                }
            }
        } finally {
            if (smoke) {
                if (before == null) {
                    System.clearProperty(Smoke.PROPERTY);
                } else {
                    System.setProperty(Smoke.PROPERTY, before);
                }
            }
        }
        return new Outcome(started, Duration.ofNanos(System.nanoTime() - t0), results, failures);
    }

    /** The report of {@code outcome}, which ran {@code workloads} with {@code plan} by {@code command}. */
    public static Report report(List<Workload> workloads, Plan plan, Outcome outcome, String command,
                                String profileName) {
        List<Report.WorkloadRun> runs = new ArrayList<>();
        for (Workload w : workloads) {
            runs.add(new Report.WorkloadRun(w.shortName(), w.mode().shortLabel(), plan.settings(w).describe(w.mode()),
                    w.threads(), plan.runs(w), plan.params(w).entrySet().stream()
                    .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                    .collect(Collectors.joining(" "))));
        }
        return new Report(outcome.started(), outcome.elapsed().toSeconds(), command,
                Path.of("").toAbsolutePath().toString(), profileName, gitCommit(), Machine.detect(),
                notes(workloads), runs, ResultTable.rows(outcome.results()), outcome.results(), outcome.failures());
    }

    /** What the figures of these workloads need said beside them. */
    static List<String> notes(List<Workload> workloads) {
        List<String> notes = new ArrayList<>();
        if (workloads.stream().anyMatch(w -> w.name().startsWith(Workload.PACKAGE + "jms."))) {
            notes.addAll(JmsSystem.notes());
        }
        return notes;
    }

    /** {@code abc123def456}, with {@code (modified)} if tracked files changed; null outside a git work tree. */
    static String gitCommit() {
        String head = git("rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return null;
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return head.trim() + (status != null && !status.isBlank() ? " (modified)" : "");
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroy();
                    return null;
                }
                return out;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
