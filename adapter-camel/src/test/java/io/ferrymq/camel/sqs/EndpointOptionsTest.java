package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A wrong option fails when the endpoint is created, with a message naming it; what only the engine can judge (a
 * missing queue, a redrive target that does not exist) fails the route's start with the engine's own words. Options
 * that only tune the consumer (maxMessagesPerPoll over 10, an ARN for a name) do what they say.
 */
class EndpointOptionsTest extends EngineTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
            }
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ferry-sqs:q?waitTimeSeconds=0 | The option waitTimeSeconds must be 1 to 20",
        "ferry-sqs:q?waitTimeSeconds=21 | The option waitTimeSeconds must be 1 to 20",
        "ferry-sqs:q?concurrentConsumers=0 | The option concurrentConsumers must be at least 1, not 0",
        "ferry-sqs:q?maxMessagesPerPoll=0 | The option maxMessagesPerPoll must be at least 1",
        "ferry-sqs:q?visibilityTimeout=43201 | The option visibilityTimeout must be 0 to 43200 seconds, not 43201",
        "ferry-sqs:q?extendMessageVisibility=true&visibilityTimeout=0 | The option visibilityTimeout must be at least"
                + " 1 second with extendMessageVisibility, not 0",
        "ferry-sqs:q?delaySeconds=901 | The option delaySeconds must be 0 to 900 seconds, not 901",
        "ferry-sqs:q?delayQueue=true | The option delayQueue must be given with delaySeconds",
        "ferry-sqs:q?attributeNames=SentTimestamp,Colour | The option attributeNames must be a comma-separated list of",
        "ferry-sqs:q?redrivePolicy=maxReceiveCount | The option redrivePolicy must be a JSON object",
        "ferry-sqs:q?embeddedName=other&engine=#engine | The options engine and embeddedName exclude each other",
        "ferry-sqs:bad name | The queue name 'bad name' is not valid",
        "ferry-sqs:q?operation=sendMessage | operation",
        "ferry-sqs:q?messageGroupIdStrategy=useRandom | messageGroupIdStrategy",
        "ferry-sqs:q?deleteAfterReed=false | deleteAfterReed",
    })
    void aWrongOptionFailsTheEndpointNamingIt(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMissingQueueFailsTheRouteStartAndSaysHowToCreateIt() {
        assertThatThrownBy(() -> context.addRoutes(route("ferry-sqs:missing")))
                .hasStackTraceContaining("The queue 'missing' cannot be used (QueueDoesNotExist: The specified queue"
                        + " does not exist.); create it first or set autoCreateQueue=true");
    }

    @Test
    void aRedriveTargetThatDoesNotExistIsRefusedWithTheEnginesWords() {
        String uri = "ferry-sqs:work?autoCreateQueue=true&redrivePolicy=RAW({\"deadLetterTargetArn\":"
                + "\"arn:aws:sqs:us-east-1:000000000000:nowhere\",\"maxReceiveCount\":3})";

        assertThatThrownBy(() -> context.addRoutes(route(uri)))
                .hasStackTraceContaining("The queue 'work' could not be created with the queue options redrivePolicy"
                        + " (InvalidParameterValue: ");
    }

    @Test
    void aFifoProducerWithoutAGroupStrategyIsRefusedAsAws2SqsRefusesIt() {
        createQueue("steps.fifo", java.util.Map.of("FifoQueue", "true"));

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("ferry-sqs:steps.fifo");
            }
        })).hasStackTraceContaining("messageGroupIdStrategy must be set for FIFO queues.");
    }

    @Test
    void moreThanTenMessagesPerPollTakeSeveralReceivesIntoOneBatch() throws Exception {
        createQueue("many");
        for (int i = 0; i < 25; i++) {
            sendToQueue("many", "m" + i);
        }
        MockEndpoint got = getMockEndpoint("mock:many");
        got.expectedMessageCount(25);
        got.expectedPropertyReceived(ExchangePropertyKey.BATCH_SIZE.getName(), 25);
        NotifyBuilder done = new NotifyBuilder(context).whenDone(25).create();

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ferry-sqs:many?maxMessagesPerPoll=25").to("mock:many");
            }
        });

        got.assertIsSatisfied(WAIT_SECONDS * 1000);
        awaitDone(done);
        assertQueueEmpty("many");
    }

    @Test
    void aQueueArnNamesTheQueueAndItsOwner() throws Exception {
        createQueue("by-arn");
        sendToQueue("by-arn", "found");
        MockEndpoint got = getMockEndpoint("mock:arn");
        got.expectedBodiesReceived("found");

        context.addRoutes(route("ferry-sqs:" + queueArn("by-arn")));

        got.assertIsSatisfied(WAIT_SECONDS * 1000);
    }

    private static RouteBuilder route(String from) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("mock:arn");
            }
        };
    }
}
