package io.ferrymq.bench.report;

import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Everything one run of the harness reports: when and how it ran, on what, the rows, JMH's results behind them
 * and what failed. {@link #write} puts it in {@code <dir>/<timestamp>.md} and {@code .json}.
 *
 * @param started   when the run began
 * @param seconds   how long it took
 * @param command   the exact command line
 * @param directory the working directory it ran in
 * @param profile   full, quick, smoke (or custom, with overrides)
 * @param commit    the source's git commit, {@code (modified)} if the work tree had changes; null if unknown
 * @param machine   the machine
 * @param notes     what the reader needs to read the figures (journal types, consumer settings...)
 * @param workloads each workload run, with its settings
 * @param rows      the table
 * @param results   JMH's results, for the JSON's raw section
 * @param failures  workloads or runs that failed (their rows are missing or half empty)
 */
public record Report(Instant started, long seconds, String command, String directory, String profile, String commit,
                     Machine machine, List<String> notes, List<WorkloadRun> workloads, List<Row> rows,
                     List<RunResult> results, List<String> failures) {

    private static final DateTimeFormatter FILE_NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * One workload as run.
     *
     * @param name     {@code <area>.<Class>.<method>}
     * @param mode     JMH's mode
     * @param settings forks and iterations
     * @param threads  JMH threads
     * @param runs     parameter combinations
     * @param params   the parameter values run, as {@code name=v1,v2}
     */
    public record WorkloadRun(String name, String mode, String settings, int threads, int runs, String params) {
    }

    /** The files' base name: the start time, {@code 2025-01-31T12-00-00Z}. */
    public String baseName() {
        return FILE_NAME.format(started);
    }

    /** Writes {@code <dir>/<baseName>.md} and {@code .json}; returns the two paths. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve(baseName() + ".md");
        Path json = dir.resolve(baseName() + ".json");
        Files.writeString(md, MarkdownReport.render(this));
        Files.writeString(json, JsonReport.render(this));
        return List.of(md, json);
    }
}
