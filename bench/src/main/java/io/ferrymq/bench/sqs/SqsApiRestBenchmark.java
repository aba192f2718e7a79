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

import java.util.concurrent.TimeUnit;

/**
 * Workload 4 as an application would see it: ElasticMQ embedded in the same JVM behind its REST endpoint on loopback,
 * called with the AWS SDK v2 SQS client ({@link ElasticMqRestCycle}), against FerryMQ's LocalEngine through its Java
 * API. The FerryMQ row is the same figure as in {@link SqsApiBenchmark}: FerryMQ pays no HTTP, no JSON, no SigV4 and
 * no socket here, which is the point of an embedded engine but not an engine-to-engine comparison; that one is
 * {@link SqsApiBenchmark}'s, and it is the headline ratio. Same cycle, threads, body and scoring as there.
 *
 * <p>Smoke mode: nothing to scale (no sizes); the harness shortens iterations and forks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(4)
@State(Scope.Benchmark)
public class SqsApiRestBenchmark {
    @Param({"ferrymq", "elasticmq-rest"})
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

    @Benchmark
    @OperationsPerInvocation(10)
    public int sendReceiveDelete(SqsApiBenchmark.Receipts r) throws Exception {
        return SqsApiBenchmark.cycle(sqs, r.held);
    }
}
