package io.ferrymq.bench.storage;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.QueueAttributeName;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 7, memory (reference rows, no alternative): the heap one stored message costs, at {@code messages}
 * (1,000,000) 1 KiB messages in one standard queue, with the engine in memory ({@code storage=memory}) and durable
 * ({@code storage=durable}: a journal in a fresh data directory, see {@link Storage}; fsync NEVER, which changes when
 * a write is acknowledged, not what the heap holds).
 *
 * <p>Each measurement builds an engine and its queue, takes the settled used heap ({@link Storage#settledHeapUsed}:
 * full GCs, MemoryMXBean, lowest of several readings), loads the messages (the timed part: 4 threads, SendMessageBatch
 * of 10), takes the settled used heap again, and checks the queue holds them all. The figure is the secondary result
 * {@code load:bytesPerMessage} = (after - before) / messages, in bytes: the messages' bodies (a 1 KiB ASCII body is
 * about 1 KiB in a compact Java string) plus everything the engine keeps per message. The primary score, the load
 * time, is a by-product (fill rate without consumers), not the figure of this workload.
 *
 * <p>JMH sums {@code EVENTS} counters over all measured iterations and forks, so each measurement adds its share
 * (its figure divided by forks x iterations) and the printed sum is the mean.
 *
 * <p>Smoke mode: override {@code messages} (e.g. {@code -p messages=10000}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class HeapPerMessageBenchmark {
    @Param({"memory", "durable"})
    public String storage;

    @Param({"1000000"})
    public int messages;

    private Path dir;
    private LocalEngine engine;
    private String url;
    private long before;

    /** The figure of this workload, as a secondary result. */
    @State(Scope.Thread) // one benchmark thread: the same object as a Benchmark-scoped one
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        public double bytesPerMessage;
        int samples;

        @Setup(Level.Trial)
        public void count(BenchmarkParams params) {
            samples = Math.max(1, params.getForks()) * params.getMeasurement().getCount();
        }

        @Setup(Level.Iteration)
        public void reset() {
            bytesPerMessage = 0;
        }
    }

    @Setup(Level.Iteration)
    public void emptyEngine() throws Exception {
        if (storage.equals("durable")) {
            dir = Storage.newDirectory("heap");
            engine = LocalEngine.builder().dataDir(dir).fsync(JournalStorage.Fsync.NEVER).build();
        } else {
            engine = LocalEngine.create();
        }
        url = engine.createQueue(CreateQueueRequest.of("stored")).get();
        before = Storage.settledHeapUsed();
    }

    @Benchmark
    public void load() throws Exception {
        Storage.fill(engine, url, messages, 4);
    }

    @TearDown(Level.Iteration)
    public void weigh(Heap heap) throws Exception {
        try {
            long after = Storage.settledHeapUsed();
            long held = Long.parseLong(engine.getQueueAttributes(url,
                    List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).get()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            if (held != messages) {
                throw new IllegalStateException("the queue holds " + held + " messages, not " + messages);
            }
            double perMessage = (after - before) / (double) messages;
            System.out.printf("%n[heap] %s: %,d messages, used heap %,d -> %,d bytes: %.0f bytes/message%n",
                    storage, messages, before, after, perMessage);
            heap.bytesPerMessage = perMessage / heap.samples;
        } finally {
            engine.close();
            engine = null;
            Storage.delete(dir);
            dir = null;
        }
    }
}
