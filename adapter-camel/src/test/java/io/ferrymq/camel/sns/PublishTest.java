package io.ferrymq.camel.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.camel.EngineTestSupport;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sns.PublishBatchResultEntry;
import io.ferrymq.engine.sns.Subscription;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.Message;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publishing with camel-aws2-sns's options and headers: subject and message structure from option or header, the
 * message id back in CamelAwsSnsMessageId, batches, FIFO topics with their group strategy; SNS's own errors for
 * what SNS refuses, and the option's name for what is wrong in the URI.
 */
class PublishTest extends EngineTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:news").to("ferry-sns:news?autoCreateTopic=true&subject=Daily&subscribeQueue=news-inbox");
                from("direct:newsBatch").to("ferry-sns:news?autoCreateTopic=true&batchEnabled=true");
                from("direct:prices").to("ferry-sns:prices.fifo?autoCreateTopic=true&messageGroupIdStrategy=useConstant"
                        + "&subscribeQueue=prices.fifo&rawMessageDelivery=true");
            }
        };
    }

    @Test
    void aPublishedMessageCarriesItsSubjectAndTheMessageIdComesBack() throws Exception {
        Exchange sent = template.send("direct:news", e -> e.getIn().setBody("hello"));
        Exchange overridden = template.send("direct:news", e -> {
            e.getIn().setBody("{\"default\":\"plain\",\"sqs\":\"for queues\"}");
            e.getIn().setHeader(FerrySnsConstants.SUBJECT, "Breaking");
            e.getIn().setHeader(FerrySnsConstants.MESSAGE_STRUCTURE, "json");
        });

        List<Message> got = receiveFromQueue("news-inbox");
        assertThat(got).hasSize(2);
        JsonNode first = envelopeWithMessage(got, "hello");
        assertThat(first.get("Subject").asText()).isEqualTo("Daily");
        assertThat(first.get("MessageId").asText()).isEqualTo(sent.getMessage().getHeader(FerrySnsConstants.MESSAGE_ID));
        JsonNode second = envelopeWithMessage(got, "for queues");
        assertThat(second.get("Subject").asText()).isEqualTo("Breaking");
        assertThat(second.get("MessageId").asText())
                .isEqualTo(overridden.getMessage().getHeader(FerrySnsConstants.MESSAGE_ID));
    }

    private static JsonNode envelopeWithMessage(List<Message> got, String message) throws Exception {
        for (Message m : got) {
            JsonNode envelope = JSON.readTree(m.body());
            if (envelope.get("Message").asText().equals(message)) {
                return envelope;
            }
        }
        throw new AssertionError("no notification with Message " + message + " in " + got);
    }

    @Test
    void aListIsPublishedAsOneBatch() throws Exception {
        template.sendBody("direct:news", "make the subscription"); // the batch route has none of its own
        receiveFromQueue("news-inbox").forEach(m -> engine.deleteMessage(queueUrl("news-inbox"), m.receiptHandle()));

        Exchange sent = template.send("direct:newsBatch", e -> e.getIn().setBody(List.of("one", "two",
                PublishBatchRequestEntry.of("mine", "three"))));

        @SuppressWarnings("unchecked")
        BatchResult<PublishBatchResultEntry> result = sent.getMessage().getBody(BatchResult.class);
        assertThat(result.successful()).extracting(PublishBatchResultEntry::id).containsExactlyInAnyOrder("0", "1",
                "mine");
        assertThat(receiveFromQueue("news-inbox")).hasSize(3);
    }

    @Test
    void aFifoTopicKeepsItsGroupInOrderToAFifoQueue() throws Exception {
        for (int i = 0; i < 5; i++) {
            template.sendBody("direct:prices", "price " + i);
        }

        assertThat(receiveFromQueue("prices.fifo")).extracting(Message::body)
                .containsExactly("price 0", "price 1", "price 2", "price 3", "price 4");
    }

    @Test
    void whatSnsRefusesIsTheExchangesExceptionWithSnsWords() {
        Exchange sent = template.send("direct:news", e -> {
            e.getIn().setBody("not json");
            e.getIn().setHeader(FerrySnsConstants.MESSAGE_STRUCTURE, "json");
        });

        assertThat(sent.getException()).isInstanceOf(EngineException.class);
        assertThat(((EngineException) sent.getException()).errorCode()).isEqualTo(ErrorCode.SNS_INVALID_PARAMETER);
    }

    @Test
    void redeclaringASubscriptionWithAnotherPolicyReplacesThePolicy() throws Exception {
        String topic = "ferry-sns:news?autoCreateTopic=true&subscribeQueue=news-sport";
        context.getEndpoint(topic + "&filterPolicy=RAW({\"section\":[\"football\"]})").start();

        context.getEndpoint(topic + "&rawMessageDelivery=true&filterPolicy=RAW({\"section\":[\"tennis\"]})").start();

        Subscription only = engine.listSubscriptions(null).join().subscriptions().stream()
                .filter(s -> s.endpoint().equals(queueArn("news-sport"))).reduce((a, b) -> {
                    throw new AssertionError("two subscriptions of one queue");
                }).orElseThrow();
        assertThat(engine.getSubscriptionAttributes(only.subscriptionArn()).join())
                .containsEntry("FilterPolicy", "{\"section\":[\"tennis\"]}")
                .containsEntry("RawMessageDelivery", "true");
    }

    @Test
    void aPolicySnsRefusesFailsTheEndpointsStartWithSnsWords() {
        String uri = "ferry-sns:news?autoCreateTopic=true&subscribeQueue=news-bad&filterPolicy=RAW({\"a\":\"b\"})";

        assertThatThrownBy(() -> context.getEndpoint(uri).start())
                .hasMessageContaining("The subscription of queue 'news-bad' (options subscribeQueue, filterPolicy,"
                        + " filterPolicyScope, rawMessageDelivery) was refused (InvalidParameter: ");
    }

    @Test
    void aMissingTopicFailsTheStartAndSaysHowToCreateIt() {
        assertThatThrownBy(() -> context.getEndpoint("ferry-sns:nowhere").start())
                .hasMessageContaining("The topic 'nowhere' does not exist; create it first or set autoCreateTopic=true");
    }

    @Test
    void aTopicArnIsUsedAsItIs() throws Exception {
        String arn = engine.createTopic(CreateTopicRequest.of("by-arn")).join();
        context.getEndpoint("ferry-sns:" + arn + "?subscribeQueue=by-arn-inbox").start();

        template.sendBody("ferry-sns:" + arn, "found");

        assertThat(JSON.readTree(receiveFromQueue("by-arn-inbox").get(0).body()).get("Message").asText())
                .isEqualTo("found");
    }

    @Test
    void aFifoTopicProducerNeedsAGroupStrategy() {
        engine.createTopic(CreateTopicRequest.of("orders.fifo", Map.of("FifoTopic", "true"))).join();

        assertThatThrownBy(() -> context.getEndpoint("ferry-sns:orders.fifo").createProducer())
                .hasMessage("messageGroupIdStrategy must be set for FIFO topics.");
    }

    @Test
    void ferrySnsHasNoConsumer() {
        assertThatThrownBy(() -> context.getEndpoint("ferry-sns:news").createConsumer(e -> { }))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("consume from a ferry-sqs queue subscribed to the topic");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ferry-sns:t?filterPolicy=RAW({\"a\":[\"b\"]}) | The option filterPolicy must be given with subscribeQueue",
        "ferry-sns:t?rawMessageDelivery=true | The option rawMessageDelivery must be given with subscribeQueue",
        "ferry-sns:t?subscribeQueue=q&filterPolicy=[1] | The option filterPolicy must be a JSON object",
        "ferry-sns:t?subscribeQueue=q&filterPolicyScope=Body | The option filterPolicyScope must be MessageAttributes"
                + " or MessageBody, not Body",
        "ferry-sns:t?subscribeQueue=bad queue | The option subscribeQueue must be a queue name",
        "ferry-sns:t?subscribeQueue=q.fifo | The option subscribeQueue names a FIFO queue (q.fifo), which only a"
                + " FIFO topic can deliver to",
        "ferry-sns:bad topic | The topic name 'bad topic' is not valid",
        "ferry-sns:arn:aws:sns:nope | The topic ARN 'arn:aws:sns:nope' is not valid",
    })
    void aWrongOptionFailsTheEndpointNamingIt(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message);
    }
}
