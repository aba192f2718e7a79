package io.ferrymq.engine.perf;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;

import java.io.IOException;
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
 * What durability costs. (a) ThroughputProbe's workload (4 producers, 4 consumers, batches of 10 x 1 KiB, send +
 * receive + delete) in memory, on a journal with fsync=never and with fsync=always, best of some rounds, a fresh data
 * directory per round. (b) How long an engine takes to start on a journal holding many stored 1 KiB messages.
 * Not a test; prints figures. Arguments: throughput messages (200000), recovery messages (1000000), rounds (3).
 * Run: MAVEN_OPTS=-Xmx8g mvn -q -pl engine test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test
 *        -Dexec.mainClass=io.ferrymq.engine.perf.DurabilityProbe -Dexec.args="200000 1000000 3"
 */
public final class DurabilityProbe {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int FILLERS = 8;

    private DurabilityProbe() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int stored = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;

        System.out.printf("(a) send+receive+delete, %d producers, %d consumers, batches of 10 x 1 KiB, %,d messages,"
                + " best of %d%n", PRODUCERS, CONSUMERS, messages, rounds);
        double memory = best(null, messages, rounds);
        double never = best(JournalStorage.Fsync.NEVER, messages, rounds);
        double always = best(JournalStorage.Fsync.ALWAYS, messages, rounds);
        System.out.printf("    memory         %,10.0f messages/s%n", memory);
        System.out.printf("    fsync=never    %,10.0f messages/s  (%.2f of memory)%n", never, never / memory);
        System.out.printf("    fsync=always   %,10.0f messages/s  (%.2f of memory, %.2f of fsync=never)%n",
                always, always / memory, always / never);

        System.out.printf("(b) recovery of %,d stored 1 KiB messages%n", stored);
        recovery(stored);
    }

    /** The best of some rounds of the workload; fsync null means the engine in memory. */
    private static double best(JournalStorage.Fsync fsync, int messages, int rounds) throws Exception {
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("ferrymq-probe");
            try (LocalEngine engine = fsync == null ? LocalEngine.create()
                    : LocalEngine.builder().dataDir(dir).fsync(fsync).build()) {
                double rate = ThroughputProbe.run(engine, PRODUCERS, CONSUMERS, messages);
                System.out.printf("    %-13s round %d: %,10.0f messages/s%n",
                        fsync == null ? "memory" : "fsync=" + fsync.name().toLowerCase(), round, rate);
                best = Math.max(best, rate);
            } finally {
                delete(dir);
            }
        }
        return best;
    }

    private static void recovery(int stored) throws Exception {
        Path dir = Files.createTempDirectory("ferrymq-recovery");
        try {
            long started = System.nanoTime();
            try (LocalEngine engine = LocalEngine.builder().dataDir(dir).fsync(JournalStorage.Fsync.NEVER).build()) {
                fill(engine, stored);
            }
            System.out.printf("    filled in %.1f s (fsync=never, %d threads, SendMessageBatch of 10)%n",
                    (System.nanoTime() - started) / 1e9, FILLERS);
            System.out.printf("    journal on disk: %,d MiB in %d files%n", size(dir) >> 20, count(dir));
            System.gc();
            started = System.nanoTime();
            try (LocalEngine engine = LocalEngine.builder().dataDir(dir).build()) {
                double opened = (System.nanoTime() - started) / 1e9;
                String url = engine.getQueueUrl("probe", null).get();
                String visible = engine.getQueueAttributes(url, List.of("ApproximateNumberOfMessages")).get()
                        .get("ApproximateNumberOfMessages");
                Runtime rt = Runtime.getRuntime();
                System.out.printf("    %s; build() took %.1f s; the queue holds %s messages; heap used %,d MiB%n",
                        engine.recovery(), opened, visible, (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        } finally {
            delete(dir);
        }
    }

    private static void fill(LocalEngine engine, int stored) throws Exception {
        String url = engine.createQueue(CreateQueueRequest.of("probe")).get();
        String body = "x".repeat(1024);
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(SendMessageBatchRequestEntry.of("e" + i, body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(FILLERS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < FILLERS; t++) {
            int share = stored / FILLERS + (t < stored % FILLERS ? 1 : 0);
            work.add(pool.submit(() -> {
                for (int sent = 0; sent < share; sent += 10) {
                    List<SendMessageBatchRequestEntry> entries = share - sent >= 10 ? batch
                            : batch.subList(0, share - sent);
                    engine.sendMessageBatch(new SendMessageBatchRequest(url, entries)).join();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".fmq")).count();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
