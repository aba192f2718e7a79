package io.ferrymq.jms.message;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.ferrymq.jms.message.WireFixtures.withEveryHeader;
import static io.ferrymq.jms.message.WireFixtures.withEveryPropertyType;
import static org.assertj.core.api.Assertions.assertThat;

/** The wire form through a real engine: SQS queues, SNS topics with and without raw delivery, plain producers. */
class LocalEngineInteropTest {
    private final LocalEngine engine = LocalEngine.create();

    @AfterEach
    void close() {
        engine.close();
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String queue(String name, Map<String, String> attributes) {
        return get(engine.createQueue(CreateQueueRequest.of(name, attributes)));
    }

    private String arnOf(String queueUrl) {
        return get(engine.getQueueAttributes(queueUrl, List.of("QueueArn"))).get("QueueArn");
    }

    private Message receiveOne(String queueUrl) {
        List<Message> got = get(engine.receiveMessage(ReceiveMessageRequest.of(queueUrl).withWaitTimeSeconds(5)
                .withMessageAttributeNames("All").withMessageSystemAttributeNames("All"))).messages();
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    private void send(String queueUrl, EncodedMessage encoded) {
        get(engine.sendMessage(SendMessageRequest.of(queueUrl, encoded.body())
                .withMessageAttributes(encoded.attributes())));
    }

    /** Exactly the message sent: its encoding (all headers, typed properties and body) is the same again. */
    private static void assertSameAsSent(FerryMessage got, FerryMessage sent) throws JMSException {
        assertThat(got).hasSameClassAs(sent);
        assertThat(WireCodec.encode(got)).isEqualTo(WireCodec.encode(sent));
        WireFixtures.assertSameHeaders(got, sent);
        WireFixtures.assertSameProperties(got, sent);
    }

    private static List<FerryMessage> everyKind() throws JMSException {
        FerryBytesMessage bytes = new FerryBytesMessage();
        bytes.writeLong(7);
        FerryMapMessage map = new FerryMapMessage();
        map.setChar("c", 'x');
        map.setBytes("b", new byte[]{1, 2});
        FerryStreamMessage stream = new FerryStreamMessage();
        stream.writeShort((short) 3);
        stream.writeFloat(1.5f);
        List<FerryMessage> all = new ArrayList<>(List.of(new FerryMessage(), new FerryTextMessage("hello"),
                new FerryTextMessage("\u0000"), new FerryTextMessage(""), bytes, map, stream,
                new FerryObjectMessage(new ArrayList<>(List.of(1, "two")))));
        for (FerryMessage m : all) {
            withEveryHeader(withEveryPropertyType(m));
        }
        return all;
    }

    @Test
    void everyKindOfMessageCrossesAnSqsQueueExactly() throws JMSException {
        String url = queue("orders", Map.of());
        for (FerryMessage sent : everyKind()) {
            send(url, WireCodec.encode(sent));
            Message received = receiveOne(url);
            get(engine.deleteMessage(url, received.receiptHandle()));
            FerryMessage got = WireCodec.decode(received, false);
            assertSameAsSent(got, sent);
            assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            assertThat(got.getJMSRedelivered()).isFalse();
        }
    }

    @Test
    void bodiesNearTheSizeLimitAreAccepted() throws JMSException {
        String url = queue("big", Map.of());
        FerryTextMessage text = new FerryTextMessage("é".repeat(520_000));
        FerryBytesMessage bytes = new FerryBytesMessage();
        bytes.writeBytes(new byte[780_000]);
        for (FerryMessage sent : List.of(text, bytes)) {
            EncodedMessage encoded = WireCodec.encode(sent);
            assertThat(encoded.sizeInBytes()).isBetween(1_000_000, 1_048_576);
            send(url, encoded);
            Message received = receiveOne(url);
            get(engine.deleteMessage(url, received.receiptHandle()));
            assertSameAsSent(WireCodec.decode(received, false), sent);
        }
    }

    @Test
    void aRedeliveredMessageSaysSoAndItsFifoGroupIsTheJmsGroup() throws JMSException {
        String url = queue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        get(engine.sendMessage(SendMessageRequest.of(url, "plain").withMessageGroupId("customer-7")));
        Message first = receiveOne(url);
        get(engine.changeMessageVisibility(url, first.receiptHandle(), 0));
        FerryMessage again = WireCodec.decode(receiveOne(url), false);
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getStringProperty("JMSXGroupID")).isEqualTo("customer-7");
        assertThat(again.getJMSMessageID()).isEqualTo("ID:" + first.messageId());
    }

    private String[] topicWithQueue(String name, boolean raw) {
        String topic = get(engine.createTopic(CreateTopicRequest.of(name)));
        String url = queue(name + "-sub", Map.of());
        get(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(url),
                raw ? Map.of("RawMessageDelivery", "true") : Map.of())));
        return new String[]{topic, url};
    }

    @Test
    void everyKindOfMessageCrossesATopicInsideTheSnsEnvelope() throws JMSException {
        String[] topicAndQueue = topicWithQueue("prices", false);
        for (FerryMessage sent : everyKind()) {
            EncodedMessage encoded = WireCodec.encode(sent);
            get(engine.publish(PublishRequest.of(topicAndQueue[0], encoded.body())
                    .withMessageAttributes(encoded.attributes())));
            Message received = receiveOne(topicAndQueue[1]);
            get(engine.deleteMessage(topicAndQueue[1], received.receiptHandle()));
            assertThat(received.body()).contains("\"Type\" : \"Notification\"");
            FerryMessage got = WireCodec.decode(received, true);
            assertSameAsSent(got, sent);
            assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        }
    }

    @Test
    void everyKindOfMessageCrossesATopicWithRawDelivery() throws JMSException {
        String[] topicAndQueue = topicWithQueue("raw-prices", true);
        for (FerryMessage sent : everyKind()) {
            EncodedMessage encoded = WireCodec.encode(sent);
            get(engine.publish(PublishRequest.of(topicAndQueue[0], encoded.body())
                    .withMessageAttributes(encoded.attributes())));
            Message received = receiveOne(topicAndQueue[1]);
            get(engine.deleteMessage(topicAndQueue[1], received.receiptHandle()));
            assertSameAsSent(WireCodec.decode(received, false), sent);
        }
    }

    @Test
    void aPlainSnsPublishReadsAsATextMessageWithItsAttributesAsProperties() throws JMSException {
        String[] topicAndQueue = topicWithQueue("alerts", false);
        long before = System.currentTimeMillis();
        String id = get(engine.publish(PublishRequest.of(topicAndQueue[0], "disk full").withMessageAttributes(Map.of(
                "host", MessageAttributeValue.string("db-1"),
                "tags", new MessageAttributeValue("String.Array", "[\"disk\",\"prod\"]", null),
                "level", MessageAttributeValue.number(3),
                "load", MessageAttributeValue.number("0.75"),
                "big", MessageAttributeValue.number("12345678901"),
                "trace-id", MessageAttributeValue.string("t-9"),
                "dump", MessageAttributeValue.binary(new byte[]{1, 2, 3}))))).messageId();
        long after = System.currentTimeMillis();

        FerryMessage got = WireCodec.decode(receiveOne(topicAndQueue[1]), true);
        assertThat(got).isExactlyInstanceOf(FerryTextMessage.class);
        assertThat(((FerryTextMessage) got).getText()).isEqualTo("disk full");
        assertThat(got.getJMSMessageID()).isEqualTo("ID:" + id);
        assertThat(got.getJMSTimestamp()).isBetween(before, after);
        assertThat(got.getStringProperty("host")).isEqualTo("db-1");
        assertThat(got.getStringProperty("tags")).isEqualTo("[\"disk\",\"prod\"]");
        assertThat(got.getObjectProperty("level")).isEqualTo(3);
        assertThat(got.getDoubleProperty("load")).isEqualTo(0.75);
        assertThat(got.getObjectProperty("big")).isEqualTo(12_345_678_901L);
        assertThat(got.getStringProperty("trace-id")).isEqualTo("t-9");
        assertThat(got.propertyExists("dump")).isFalse();
        assertThat(Collections.list(got.getPropertyNames())).containsExactlyInAnyOrder("host", "tags", "level",
                "load", "big", "trace-id", "JMSXDeliveryCount");
    }

    @Test
    void aPlainSqsMessageReadsAsATextMessageWithItsAttributesAsProperties() throws JMSException {
        String url = queue("inbox", Map.of());
        get(engine.sendMessage(SendMessageRequest.of(url, "hi").withMessageAttributes(Map.of(
                "count", new MessageAttributeValue("Number.int", "5", null),
                "flag", new MessageAttributeValue("Number.Boolean", "1", null),
                "blob", new MessageAttributeValue("Binary.gz", null, new byte[]{9})))));
        FerryMessage got = WireCodec.decode(receiveOne(url), false);
        assertThat(((FerryTextMessage) got).getText()).isEqualTo("hi");
        assertThat(got.getIntProperty("count")).isEqualTo(5);
        assertThat(got.getBooleanProperty("flag")).isTrue();
        assertThat(got.propertyExists("blob")).isFalse();
        assertThat(got.getJMSTimestamp()).isPositive();
    }
}
