package io.ferrymq.bench.sns;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Workload 5, fan-out (reference rows, no alternative): Publish to a standard topic with 100 SQS subscriptions, each
 * with a filter policy on message attributes ({@link Policies}: every message matches exactly 10 of them), on
 * FerryMQ's LocalEngine in memory, one publisher thread waiting for each Publish's answer. The primary score is
 * publishes per second; the secondary result {@code deliveries} (an {@code @AuxCounters} rate, in the JMH result as
 * {@code publish:deliveries}) is deliveries per second, 10 per publish, checked at the end of every iteration against
 * the 100 queues' depths. Deliveries are SNS's default JSON envelope (no RawMessageDelivery); the published body is
 * a 256-byte JSON document.
 *
 * <p>Nothing consumes the queues, so they grow by 10 envelopes per publish: each iteration starts on a fresh engine
 * (new topic, queues and subscriptions; setup not measured) and iterations are short, so the heap does not fill.
 * The figure includes what storing the deliveries costs the JVM (allocation, GC of a growing live set).
 *
 * <p>Smoke mode: nothing to scale (100 subscriptions is the workload); the harness shortens iterations and forks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Thread)
public class SnsFanOutBenchmark {
    private static final String BODY = body();

    private LocalEngine engine;
    private String topic;
    private final List<String> queues = new ArrayList<>();
    private final PublishRequest[] messages = new PublishRequest[Policies.MESSAGES];
    private int next;
    private long published;

    /** Deliveries per second beside publishes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Deliveries {
        public long deliveries;

        @Setup(Level.Iteration)
        public void reset() {
            deliveries = 0;
        }
    }

    @Setup(Level.Iteration)
    public void freshTopic() throws Exception {
        engine = LocalEngine.create();
        topic = engine.createTopic(CreateTopicRequest.of("orders")).get();
        queues.clear();
        List<String> policies = Policies.policies();
        for (int i = 0; i < policies.size(); i++) {
            String url = engine.createQueue(CreateQueueRequest.of("subscriber-" + i)).get();
            String arn = engine.getQueueAttributes(url, List.of("QueueArn")).get().get("QueueArn");
            engine.subscribe(SubscribeRequest.sqs(topic, arn, Map.of("FilterPolicy", policies.get(i)))).get();
            queues.add(url);
        }
        for (int n = 0; n < messages.length; n++) {
            messages[n] = PublishRequest.of(topic, BODY).withMessageAttributes(Policies.attributes(n));
        }
        published = 0;
    }

    @TearDown(Level.Iteration)
    public void checkAndDrop() throws Exception {
        long delivered = 0;
        for (String url : queues) {
            delivered += Long.parseLong(engine.getQueueAttributes(url, List.of("ApproximateNumberOfMessages")).get()
                    .get("ApproximateNumberOfMessages"));
        }
        engine.close();
        engine = null;
        if (delivered != published * Policies.MATCHES_PER_MESSAGE) {
            throw new IllegalStateException(published + " publishes delivered " + delivered + " messages, not "
                    + published * Policies.MATCHES_PER_MESSAGE);
        }
    }

    @Benchmark
    public String publish(Deliveries d) {
        PublishRequest m = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        String id = engine.publish(m).join().messageId();
        published++;
        d.deliveries += Policies.MATCHES_PER_MESSAGE;
        return id;
    }

    private static String body() {
        StringBuilder b = new StringBuilder("{\"orderId\":\"0001-0002-0003\",\"customer\":\"c-000123\",\"lines\":[");
        while (b.length() < 240) {
            b.append("{\"sku\":\"SKU-").append(b.length()).append("\",\"qty\":1},");
        }
        b.setLength(b.length() - 1);
        b.append("]}");
        while (b.length() < 256) {
            b.insert(b.length() - 1, ' ');
        }
        return b.toString();
    }
}
