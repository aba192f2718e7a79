package io.ferrymq.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run was measured on, as the report prints it.
 *
 * @param cores       processors available to the JVM
 * @param cpu         the CPU model ({@code /proc/cpuinfo}'s {@code model name}), or {@code os.arch} elsewhere
 * @param memoryBytes the machine's memory ({@code /proc/meminfo}'s {@code MemTotal}, else the JVM's view)
 * @param jdk         the JVM's name, version and vendor
 * @param os          the operating system, its version and architecture, and the distribution if known
 */
public record Machine(int cores, String cpu, long memoryBytes, String jdk, String os) {

    public static Machine detect() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version",
                        System.getProperty("java.version")) + " (" + System.getProperty("java.vendor") + ")",
                osName());
    }

    /** {@code 23.4 GiB}. */
    public String memoryText() {
        return memoryBytes <= 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024));
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name") && line.contains(":")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static long memTotal() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024; // kB
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String osName() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        for (String line : lines("/etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return os + " (" + line.substring("PRETTY_NAME=".length()).replace("\"", "") + ")";
            }
        }
        return os;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
