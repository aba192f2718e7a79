package io.ferrymq.bench.sqs;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 4, the headline engine comparison: the SQS API at engine level, FerryMQ's LocalEngine (in memory, through
 * its Java API) against ElasticMQ embedded in the same JVM through its in-process actor API (in memory): no HTTP and
 * no JSON on either side. See {@link SqsApiRestBenchmark} for ElasticMQ behind its REST endpoint.
 *
 * <p>Four threads share one standard queue. Each invocation is one thread's cycle: SendMessageBatch of 10 x 1 KiB,
 * then ReceiveMessage (up to 10, long poll of 1 s) until it holds 10 messages (any thread's: it is a shared queue),
 * then one DeleteMessageBatch of those 10. The score is messages per second that went through all three actions
 * ({@code @OperationsPerInvocation(10)}); the queue stays short (at most 40 messages), so this measures the actions,
 * not a backlog. What each ElasticMQ path does for the SQS semantics is in {@link ElasticMqActorCycle}.
 *
 * <p>Smoke mode: nothing to scale (no sizes); the harness shortens iterations and forks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(4)
@State(Scope.Benchmark)
public class SqsApiBenchmark {
    @Param({"ferrymq", "elasticmq"})
    public String system;

    private SqsCycle sqs;

    @Setup(Level.Trial)
    public void open() throws Exception {
        sqs = SqsCycle.open(system);
    }

    @TearDown(Level.Trial)
    public void close() {
        sqs.close();
    }

    /** A thread's receipt handles between its receive and its delete. */
    @State(Scope.Thread)
    public static class Receipts {
        final List<String> held = new ArrayList<>(10);
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public int sendReceiveDelete(Receipts r) throws Exception {
        return cycle(sqs, r.held);
    }

    /** Send 10, receive until 10 are held, delete those 10: one thread's share of the workload. */
    static int cycle(SqsCycle sqs, List<String> held) throws Exception {
        sqs.sendBatch10();
        held.clear();
        int receives = 0;
        while (held.size() < 10) {
            sqs.receive(10 - held.size(), held);
            receives++;
        }
        sqs.deleteBatch(held);
        return receives;
    }
}
