package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import io.ferrymq.engine.sqs.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping a route stops its consumer at once: the waiting long poll is withdrawn (on the test's clock it would
 * otherwise wait forever and lease the next message sent), and messages received but not yet processed are handed
 * back, visible at once and with their receive not counted.
 */
class StoppingTest extends EngineTestSupport {
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        createQueue("idle");
        createQueue("busy");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("ferry-sqs:idle?concurrentConsumers=2").routeId("idle").to("mock:idle");
                from("ferry-sqs:busy?maxMessagesPerPoll=5").routeId("busy").autoStartup(false)
                        .process(e -> {
                            started.countDown();
                            assertThat(finish.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                        })
                        .to("mock:busy");
            }
        };
    }

    @Test
    void aStoppedConsumerLeavesNoReceiveWaiting() throws Exception {
        context.getRouteController().stopRoute("idle");

        sendToQueue("idle", "after the stop");

        assertThat(attribute("idle", "ApproximateNumberOfMessages")).as("nobody took it").isEqualTo(1);
        assertThat(attribute("idle", "ApproximateNumberOfMessagesNotVisible")).isZero();
        MockEndpoint idle = getMockEndpoint("mock:idle");
        idle.expectedMessageCount(0);
        idle.assertIsSatisfied();
    }

    @Test
    void messagesReceivedButNotProcessedAreHandedBackWhenTheRouteStops() throws Exception {
        for (int i = 1; i <= 5; i++) {
            sendToQueue("busy", "job " + i);
        }
        context.getRouteController().startRoute("busy");
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue(); // job 1 is being processed, 4 wait

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("busy"); // waits for job 1's exchange
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Message> handedBack = receiveFromQueue("busy"); // returns once they are visible again

        assertThat(handedBack).extracting(Message::body).containsExactly("job 2", "job 3", "job 4", "job 5");
        assertThat(handedBack).allSatisfy(m -> assertThat(m.receiveCount()).as("the consumer's receive uncounted")
                .isEqualTo(1));
        finish.countDown();
        stopping.get(WAIT_SECONDS, TimeUnit.SECONDS);
        MockEndpoint busy = getMockEndpoint("mock:busy");
        busy.expectedBodiesReceived("job 1");
        busy.assertIsSatisfied();
        assertThat(attribute("busy", "ApproximateNumberOfMessagesNotVisible")).as("job 1 deleted, 4 leased here")
                .isEqualTo(4);
    }
}
