package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FIFO queues through Camel: several consumers at once still see each group in order, the producer's group id
 * strategies decide the groups, and a failed message keeps the rest of its group behind it.
 */
class FifoQueueTest extends EngineTestSupport {
    private final Map<String, List<String>> seenByGroup = new ConcurrentHashMap<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("ferry-sqs:orders.fifo?autoCreateQueue=true"
                        + "&messageGroupIdStrategy=usePropertyValue");
                from("ferry-sqs:orders.fifo?autoCreateQueue=true&concurrentConsumers=3&maxMessagesPerPoll=3")
                        .routeId("orders")
                        .process(e -> seenByGroup.computeIfAbsent(e.getIn().getHeader("MessageGroupId", String.class),
                                g -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(e.getIn().getBody(String.class)));

                from("ferry-sqs:steps.fifo?autoCreateQueue=true&visibilityTimeout=30"
                        + "&attributeNames=ApproximateReceiveCount").routeId("steps")
                        .filter(exchange -> "a1".equals(exchange.getIn().getBody())
                                && "1".equals(exchange.getIn().getHeader("ApproximateReceiveCount")))
                        .to("mock:failed").throwException(new IllegalStateException("a1 fails once"))
                        .end()
                        .to("mock:steps");
            }
        };
    }

    @Test
    void eachGroupIsProcessedInOrderWhileGroupsRunInParallel() {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("orders").whenCompleted(60).create();

        for (int i = 0; i < 20; i++) {
            for (String group : List.of("red", "green", "blue")) {
                template.send("direct:send", e -> {
                    e.setProperty(FerrySqsConstants.MESSAGE_GROUP_ID_PROPERTY, group);
                    e.getIn().setBody(group + "-" + e.getExchangeId());
                });
            }
        }

        awaitDone(done);
        assertThat(seenByGroup).containsOnlyKeys("red", "green", "blue");
        seenByGroup.forEach((group, seen) -> assertThat(seen).as(group).hasSize(20)
                .isEqualTo(sentOrder(seen)));
        assertQueueEmpty("orders.fifo");
    }

    /** The exchange ids of one producer's sends sort in sending order. */
    private static List<String> sentOrder(List<String> bodies) {
        List<String> sorted = new ArrayList<>(bodies);
        sorted.sort(java.util.Comparator.comparingLong(b -> Long.parseLong(b.substring(b.lastIndexOf('-') + 1), 16)));
        return sorted;
    }

    @Test
    void aFailedMessageKeepsTheRestOfItsGroupBehindIt() throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        MockEndpoint steps = getMockEndpoint("mock:steps");
        failed.expectedBodiesReceived("a1");
        context.getRouteController().stopRoute("steps");
        for (String body : List.of("a1", "a2", "a3")) {
            engine.sendMessage(io.ferrymq.engine.sqs.SendMessageRequest.of(queueUrl("steps.fifo"), body)
                    .withMessageGroupId("a").withMessageDeduplicationId(body)).join();
        }

        context.getRouteController().startRoute("steps"); // one receive takes all three
        failed.assertIsSatisfied(WAIT_SECONDS * 1000);
        steps.expectedBodiesReceived("a1", "a2", "a3");
        clock.advanceSeconds(30); // a1's lease lapses; it comes first again

        steps.assertIsSatisfied(WAIT_SECONDS * 1000);
    }
}
