package io.ferrymq.bench.storage;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What the storage workloads share: where durable engines keep their data, filling a queue, and the used heap once
 * garbage is gone.
 *
 * <p>Data directories are made under the system property {@code bench.dataDir}, else {@code java.io.tmpdir}; each
 * workload prints the file store it got (device, type), so a result says which disk it measured. Pass
 * {@code -Dbench.dataDir=...} to the harness's JVM to put them on another disk: JMH's forks inherit it.
 */
public final class Storage {
    /** A 1 KiB message body: printable ASCII, not one repeated character. */
    public static final String BODY_1K = body(1024);

    private Storage() {
    }

    /** A fresh, empty directory for one durable engine or one file; the caller deletes it. */
    public static Path newDirectory(String prefix) {
        try {
            Path base = Path.of(System.getProperty("bench.dataDir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(base, prefix);
            FileStore store = Files.getFileStore(dir);
            System.out.printf("%n[%s] data directory %s on %s (%s)%n", prefix, dir, store.name(), store.type());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long sizeOf(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code messages} 1 KiB messages to the queue with SendMessageBatch of 10 from {@code threads} threads,
     * each waiting for its batch's answer. Every message gets a body of its own (a new string, numbered), as messages
     * arriving from applications do: one shared body would be stored once and make the heap per message look small.
     */
    public static void fill(Engine engine, String queueUrl, int messages, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                int share = messages / threads + (t < messages % threads ? 1 : 0);
                work.add(pool.submit(() -> {
                    char[] body = BODY_1K.toCharArray();
                    List<SendMessageBatchRequestEntry> batch = new ArrayList<>(10);
                    for (int sent = 0; sent < share; sent += batch.size()) {
                        batch.clear();
                        for (int i = 0; i < 10 && sent + i < share; i++) {
                            number(body, (long) thread * messages + sent + i);
                            batch.add(SendMessageBatchRequestEntry.of("e" + i, new String(body)));
                        }
                        var result = engine.sendMessageBatch(new SendMessageBatchRequest(queueUrl, batch)).join();
                        if (!result.failed().isEmpty()) {
                            throw new IllegalStateException("SendMessageBatch failed: " + result.failed());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Writes {@code n} in decimal over the first 19 characters of the body. */
    private static void number(char[] body, long n) {
        for (int i = 18; i >= 0; i--) {
            body[i] = (char) ('0' + n % 10);
            n /= 10;
        }
    }

    /**
     * The used heap after full collections: {@code System.gc()} (a full, stop-the-world collection with G1, the
     * default collector) until the figure stops falling, then the lowest of three readings of the MemoryMXBean.
     */
    public static long settledHeapUsed() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(50);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - (previous >> 10)) { // fell by less than 0.1 %: settled
                break;
            }
            previous = used;
        }
        long lowest = Long.MAX_VALUE;
        for (int sample = 0; sample < 3; sample++) {
            System.gc();
            Thread.sleep(50);
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    private static String body(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + (i * 7) % 26));
        }
        return b.toString();
    }
}
