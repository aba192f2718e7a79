package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * extendMessageVisibility keeps a slow exchange's message leased for as long as the exchange runs, on the engine's
 * clock: the test holds the exchange, moves the clock far past the visibility timeout, and looks at the queue. The
 * same exchange without the option loses its lease, which is what makes the first test mean something.
 */
class VisibilityExtensionTest extends EngineTestSupport {
    private static final int VISIBILITY = 10;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String slow = "?autoCreateQueue=true&visibilityTimeout=" + VISIBILITY;
                from("ferry-sqs:extended" + slow + "&extendMessageVisibility=true").routeId("extended")
                        .process(e -> holdUntilTold()).to("mock:extended");
                from("ferry-sqs:plain" + slow).routeId("plain")
                        .process(e -> holdUntilTold()).to("mock:plain");
                from("ferry-sqs:bydefault?autoCreateQueue=true&defaultVisibilityTimeout=" + VISIBILITY
                        + "&extendMessageVisibility=true").routeId("bydefault")
                        .process(e -> holdUntilTold()).to("mock:bydefault");
            }
        };
    }

    private void holdUntilTold() throws InterruptedException {
        started.countDown();
        assertThat(finish.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSlowExchangeKeepsItsMessageLeasedAndDeletesItAtTheEnd() throws Exception {
        assertKeepsLease("extended");
    }

    @Test
    void withoutAVisibilityTimeoutOptionTheQueuesOwnTermIsKept() throws Exception {
        assertKeepsLease("bydefault");
    }

    private void assertKeepsLease(String queue) throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(queue).whenCompleted(1).create();
        template.sendBody("ferry-sqs:" + queue, "slow job");
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        clock.advanceSeconds(10 * VISIBILITY); // the renewals due on the way run at their own times

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).as("visible to others").isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
        finish.countDown();
        awaitDone(done);
        getMockEndpoint("mock:" + queue).expectedMessageCount(1);
        getMockEndpoint("mock:" + queue).assertIsSatisfied();
        assertQueueEmpty(queue);
    }

    @Test
    void withoutTheOptionASlowExchangeLosesItsLease() throws Exception {
        template.sendBody("ferry-sqs:plain", "slow job");
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        clock.advanceSeconds(VISIBILITY);

        assertThat(attribute("plain", "ApproximateNumberOfMessages")).as("visible to others again").isEqualTo(1);
        finish.countDown();
    }
}
