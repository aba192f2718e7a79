package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed exchange leaves its message leased: it is received again when its visibility timeout passes, each receive
 * counts, and at the queue's maxReceiveCount the engine moves it to the dead-letter queue, where another route takes
 * it. Nothing here waits for time to pass: the test moves the engine's clock.
 */
class RedeliveryTest extends EngineTestSupport {
    private static final int VISIBILITY = 30;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        createQueue("work-dlq");
        String redrive = "{\"deadLetterTargetArn\":\"" + queueArn("work-dlq") + "\",\"maxReceiveCount\":2}";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("ferry-sqs:work?autoCreateQueue=true&defaultVisibilityTimeout=" + VISIBILITY
                        + "&attributeNames=ApproximateReceiveCount&redrivePolicy=RAW(" + redrive + ")")
                        .routeId("work")
                        .to("mock:attempt")
                        .filter(body().startsWith("poison")).throwException(new IllegalStateException("cannot"))
                        .end()
                        .to("mock:done");
                from("ferry-sqs:work-dlq?attributeNames=DeadLetterQueueSourceArn").to("mock:dead");
                from("ferry-sqs:kept?autoCreateQueue=true&deleteAfterRead=false").routeId("kept")
                        .choice().when(body().isEqualTo("filtered"))
                        .setProperty(FerrySqsConstants.SQS_DELETE_FILTERED, constant(true)).end()
                        .to("mock:kept");
            }
        };
    }

    @Test
    void aFailedMessageIsReceivedAgainAfterItsVisibilityTimeoutAndThenDeadLettered() throws Exception {
        MockEndpoint attempt = getMockEndpoint("mock:attempt");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        attempt.expectedBodiesReceived("poison");
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute("work").whenFailed(1).create();

        template.sendBody("ferry-sqs:work", "poison");

        attempt.assertIsSatisfied(WAIT_SECONDS * 1000);
        awaitDone(failed);
        assertThat(attribute("work", "ApproximateNumberOfMessagesNotVisible")).as("left leased").isEqualTo(1);

        attempt.reset();
        attempt.expectedBodiesReceived("poison");
        attempt.expectedHeaderReceived("ApproximateReceiveCount", "2");
        NotifyBuilder failedAgain = new NotifyBuilder(context).fromRoute("work").whenFailed(1).create();
        clock.advanceSeconds(VISIBILITY);
        attempt.assertIsSatisfied(WAIT_SECONDS * 1000);
        awaitDone(failedAgain);

        dead.expectedBodiesReceived("poison");
        dead.expectedHeaderReceived("DeadLetterQueueSourceArn", queueArn("work"));
        clock.advanceSeconds(VISIBILITY);
        dead.assertIsSatisfied(WAIT_SECONDS * 1000);
        assertThat(attempt.getReceivedCounter()).as("not delivered a third time").isEqualTo(1);
        getMockEndpoint("mock:done").expectedMessageCount(0);
        getMockEndpoint("mock:done").assertIsSatisfied();
        assertQueueEmpty("work");
    }

    @Test
    void aGoodMessageAfterAPoisonOneIsNotHeldBack() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedBodiesReceived("good");
        NotifyBuilder both = new NotifyBuilder(context).fromRoute("work").whenDone(2).create();

        template.sendBody("ferry-sqs:work", "poison");
        template.sendBody("ferry-sqs:work", "good");

        done.assertIsSatisfied(WAIT_SECONDS * 1000);
        awaitDone(both);
        assertThat(attribute("work", "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
    }

    @Test
    void withoutDeleteAfterReadOnlyAMessageMarkedDeleteFilteredIsDeleted() throws Exception {
        MockEndpoint kept = getMockEndpoint("mock:kept");
        kept.expectedBodiesReceivedInAnyOrder("kept", "filtered");
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("kept").whenDone(2).create();

        template.sendBody("ferry-sqs:kept", "kept");
        template.sendBody("ferry-sqs:kept", "filtered");

        kept.assertIsSatisfied(WAIT_SECONDS * 1000);
        awaitDone(done);
        assertThat(attribute("kept", "ApproximateNumberOfMessagesNotVisible")).as("only 'kept' is left")
                .isEqualTo(1);
        kept.reset();
        kept.expectedBodiesReceived("kept");
        clock.advanceSeconds(30);
        kept.assertIsSatisfied(WAIT_SECONDS * 1000);
    }
}
