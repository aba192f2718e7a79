package io.ferrymq.bench.storage;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.local.RecoveryReport;
import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Workload 7, recovery (reference row, no alternative): how long a durable LocalEngine takes to start on a data
 * directory holding {@code messages} (1,000,000) stored 1 KiB messages in one standard queue, in seconds.
 *
 * <p>Each fork fills a fresh data directory ({@link Storage}) through the API (4 threads, SendMessageBatch of 10,
 * fsync NEVER to fill fast), closes that engine, collects the garbage, then times one
 * {@code LocalEngine.builder().dataDir(dir).build()}: the restart, in a JVM that has never read a journal, as after a
 * process restart (one measured restart per fork, no warmup: a restart happens once per JVM). The journal was just
 * written, so it is read from the page cache, as after a process restart rather than a reboot. The opened engine must
 * report every message recovered. Secondary result {@code restart:heapBytesPerMessage}: the settled used heap the
 * recovered engine holds per message (as in {@link HeapPerMessageBenchmark}, the mean over forks).
 *
 * <p>Smoke mode: override {@code messages} (e.g. {@code -p messages=10000}) and forks.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class RecoveryBenchmark {
    @Param({"1000000"})
    public int messages;

    private Path dir;
    private LocalEngine restarted;
    private long before;

    /** The heap the recovered messages hold, as a secondary result. */
    @State(Scope.Thread) // one benchmark thread: the same object as a Benchmark-scoped one
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        public double heapBytesPerMessage;
        int samples;

        @Setup(Level.Trial)
        public void count(BenchmarkParams params) {
            samples = Math.max(1, params.getForks()) * params.getMeasurement().getCount();
        }

        @Setup(Level.Iteration)
        public void reset() {
            heapBytesPerMessage = 0;
        }
    }

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dir = Storage.newDirectory("recovery");
        long started = System.nanoTime();
        try (LocalEngine engine = LocalEngine.builder().dataDir(dir).fsync(JournalStorage.Fsync.NEVER).build()) {
            String url = engine.createQueue(CreateQueueRequest.of("stored")).get();
            Storage.fill(engine, url, messages, 4);
        }
        System.out.printf("[recovery] filled %,d messages in %.1f s; journal %,d MiB%n", messages,
                (System.nanoTime() - started) / 1e9, Storage.sizeOf(dir) >> 20);
    }

    @Setup(Level.Iteration)
    public void settle() throws InterruptedException {
        before = Storage.settledHeapUsed();
    }

    @Benchmark
    public RecoveryReport restart() {
        restarted = LocalEngine.builder().dataDir(dir).build();
        return restarted.recovery();
    }

    @TearDown(Level.Iteration)
    public void check(Heap heap) throws Exception {
        try {
            RecoveryReport report = restarted.recovery();
            System.out.printf("[recovery] %s%n", report);
            if (report.messages() != messages || report.damagedRecords() != 0) {
                throw new IllegalStateException("expected " + messages + " messages recovered: " + report);
            }
            double perMessage = (Storage.settledHeapUsed() - before) / (double) messages;
            System.out.printf("[recovery] heap held after the restart: %.0f bytes/message%n", perMessage);
            heap.heapBytesPerMessage = perMessage / heap.samples;
        } finally {
            restarted.close();
            restarted = null;
        }
    }

    @TearDown(Level.Trial)
    public void clean() {
        Storage.delete(dir);
    }
}
