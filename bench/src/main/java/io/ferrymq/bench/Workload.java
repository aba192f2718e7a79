package io.ferrymq.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH benchmark method of this module as the harness runs it: its name, mode, {@code @Param}s and the settings
 * its annotations ask for, read from JMH's generated benchmark list (so it is what the jar really holds).
 *
 * @param name   the full name, {@code io.ferrymq.bench.<area>.<Class>.<method>}
 * @param mode   JMH's mode (Throughput: higher is better; the time modes: lower is better)
 * @param params each {@code @Param} with its declared values, in name order
 * @param entry  JMH's entry, for the annotated settings
 */
public record Workload(String name, Mode mode, Map<String, List<String>> params, BenchmarkListEntry entry) {
    public static final String PACKAGE = "io.ferrymq.bench.";
    /** The parameter that names the system: FerryMQ's value first, then the alternatives. */
    public static final String SYSTEM = "system";
    public static final String FERRYMQ = "ferrymq";

    /** The name without {@value #PACKAGE}: {@code <area>.<Class>.<method>}. */
    public String shortName() {
        return shortName(name);
    }

    public static String shortName(String benchmark) {
        return benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
    }

    /** The benchmark class, {@code io.ferrymq.bench.<area>.<Class>}. */
    public String className() {
        return name.substring(0, name.lastIndexOf('.'));
    }

    public int threads() {
        return entry.getThreads().orElse(1);
    }

    public boolean compared() {
        return params.containsKey(SYSTEM);
    }

    /** Every workload of the jar whose name matches one of {@code regexes} (a substring match; none: all). */
    public static List<Workload> find(List<String> regexes) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
        List<String> includes = regexes.isEmpty() ? List.of(".*") : regexes;
        Map<String, Workload> byName = new LinkedHashMap<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(silent, includes, List.of())) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            e.getParams().orElse(Collections.emptyMap()).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(p -> params.put(p.getKey(), List.of(p.getValue())));
            byName.putIfAbsent(e.getUsername(), new Workload(e.getUsername(), e.getMode(), params, e));
        }
        List<Workload> all = new ArrayList<>(byName.values());
        all.sort(java.util.Comparator.comparing(Workload::name)); // a class's methods together, areas in order
        return all;
    }
}
