package io.ferrymq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where workloads with durable storage keep their journals: {@code -Dbench.dataDir=<dir>}, else
 * {@code bench/target/bench-data} when run from the repository (or {@code target/bench-data} from the module), else
 * the system's temporary directory. Not {@code /tmp} by default because it is a tmpfs on many machines, where a
 * forced write costs nothing and a durable figure would mean nothing. {@link BenchMain} resolves it once and hands
 * the absolute path to every fork, so the report names the directory (and its file system) the forks used.
 */
public final class BenchData {
    public static final String PROPERTY = "bench.dataDir";

    private BenchData() {
    }

    /** The directory (created if missing). */
    public static Path dir() {
        Path dir = resolve();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the benchmark data directory " + dir, e);
        }
    }

    /** The directory without creating it: the property, else the default for the working directory. */
    public static Path resolve() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return Path.of(set).toAbsolutePath().normalize();
        }
        if (Files.isDirectory(Path.of("bench", "target"))) {
            return Path.of("bench", "target", "bench-data").toAbsolutePath();
        }
        if (Files.isDirectory(Path.of("target"))) {
            return Path.of("target", "bench-data").toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "ferrymq-bench-data").toAbsolutePath();
    }

    /** The directory and its file system type, e.g. {@code /repo/bench/target/bench-data (ext4)}. */
    public static String describe() {
        Path dir = dir();
        try {
            return dir + " (" + Files.getFileStore(dir).type() + ")";
        } catch (IOException e) {
            return dir.toString();
        }
    }

    /** Deletes {@code dir} and everything under it; a no-op if it is gone. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
