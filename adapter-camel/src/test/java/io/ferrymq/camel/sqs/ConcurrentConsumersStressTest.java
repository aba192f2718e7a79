package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several polling loops on one queue, fed in batches while they run: every message is processed exactly once and the
 * queue ends empty. Receives of more than 10 (maxMessagesPerPoll=25) and long polls woken by sends all take part.
 */
class ConcurrentConsumersStressTest extends EngineTestSupport {
    private static final int MESSAGES = 3000;

    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to("ferry-sqs:load?autoCreateQueue=true&operation=sendBatchMessage");
                from("ferry-sqs:load?autoCreateQueue=true&concurrentConsumers=4&maxMessagesPerPoll=25")
                        .routeId("load")
                        .process(e -> processed.computeIfAbsent(e.getIn().getBody(String.class),
                                b -> new AtomicInteger()).incrementAndGet());
            }
        };
    }

    @Test
    void everyMessageIsProcessedExactlyOnceAndTheQueueEndsEmpty() {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("load").whenDone(MESSAGES).create();

        for (int from = 0; from < MESSAGES; from += 10) {
            List<String> batch = new ArrayList<>();
            IntStream.range(from, from + 10).forEach(i -> batch.add("message " + i));
            template.sendBody("direct:batch", batch);
        }

        awaitDone(done);
        assertThat(processed).hasSize(MESSAGES);
        assertThat(processed.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertQueueEmpty("load");
    }
}
