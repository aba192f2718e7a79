package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.PublishResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing to a topic and what each subscribed queue receives: SNS's notification envelope field by field and
 * character by character, raw delivery, MessageStructure=json, FIFO topics, and subscriptions whose queue is gone,
 * too small, unsubscribed or whose topic is deleted mid-stream. Spec: docs/sns-research.md section 4.
 */
class FanOutTest extends EngineFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SNS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String ENDPOINT = "http://localhost:9324";

    // ---- fan-out ----

    @Test
    void aPublishReachesEverySubscribedQueueExactlyOnce() {
        String topic = topic("orders");
        List<String> queues = List.of(createQueue("q1"), createQueue("q2"), createQueue("q3"));
        queues.forEach(q -> subscribe(topic, q));

        PublishResult published = publish(PublishRequest.of(topic, "hello"));

        for (String q : queues) {
            List<Message> got = drain(q);
            assertThat(got).as("deliveries to %s", q).hasSize(1);
            JsonNode envelope = parse(got.get(0));
            assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
            assertThat(envelope.get("Message").asText()).isEqualTo("hello");
        }
    }

    @Test
    void aQueueSubscribedToTwoTopicsGetsEachTopicsMessages() {
        String a = topic("a");
        String b = topic("b");
        String q = createQueue("both");
        String subA = subscribe(a, q);
        String subB = subscribe(b, q);

        publish(PublishRequest.of(a, "from a"));
        publish(PublishRequest.of(b, "from b"));

        Map<String, String> topicBySubscription = new HashMap<>();
        for (Message m : drain(q)) {
            JsonNode e = parse(m);
            topicBySubscription.put(e.get("Message").asText(), e.get("TopicArn").asText());
            assertThat(e.get("UnsubscribeURL").asText())
                    .endsWith(e.get("TopicArn").asText().equals(a) ? subA : subB);
        }
        assertThat(topicBySubscription).containsExactlyInAnyOrderEntriesOf(Map.of("from a", a, "from b", b));
    }

    // ---- the envelope ----

    @Test
    void theEnvelopeCarriesEveryFieldOfTheNotification() {
        clock.advance(Duration.ofMillis(3_723_042)); // 01:02:03.042, so milliseconds show
        String topic = topic("orders");
        String q = createQueue("q");
        String sub = subscribe(topic, q);
        byte[] bytes = {2, 3, 4, (byte) 0xff};
        Map<String, MessageAttributeValue> attributes = Map.of(
                "s", MessageAttributeValue.string("text \"quoted\""),
                "n", MessageAttributeValue.number("99.12"),
                "b", MessageAttributeValue.binary(bytes),
                "arr", new MessageAttributeValue("String.Array", "[\"a\",1,true]", null));

        PublishResult published = publish(PublishRequest.of(topic, "the message").withSubject("the subject")
                .withMessageAttributes(attributes));

        JsonNode e = parse(receiveOne(q));
        assertThat(fieldNames(e)).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes");
        assertThat(e.get("Type").asText()).isEqualTo("Notification");
        assertThat(e.get("MessageId").asText()).isEqualTo(published.messageId());
        assertThat(published.sequenceNumber()).isNull();
        assertThat(e.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(e.get("Subject").asText()).isEqualTo("the subject");
        assertThat(e.get("Message").asText()).isEqualTo("the message");
        assertThat(e.get("Timestamp").asText()).isEqualTo("2026-01-01T01:02:03.042Z")
                .isEqualTo(SNS_TIME.format(Instant.ofEpochMilli(clock.millis())));
        assertThat(e.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(Base64.getDecoder().decode(e.get("Signature").asText())).isNotEmpty();
        assertThat(e.get("SigningCertURL").asText())
                .matches("https?://.+/SimpleNotificationService-[0-9a-f]{32}\\.pem");
        assertThat(e.get("UnsubscribeURL").asText())
                .isEqualTo(ENDPOINT + "/?Action=Unsubscribe&SubscriptionArn=" + sub);
        assertThat(sub).startsWith(topic + ":");

        JsonNode a = e.get("MessageAttributes");
        assertThat(fieldNames(a)).containsExactlyInAnyOrder("s", "n", "b", "arr");
        assertThat(attribute(a, "s")).isEqualTo(Map.of("Type", "String", "Value", "text \"quoted\""));
        assertThat(attribute(a, "n")).isEqualTo(Map.of("Type", "Number", "Value", "99.12"));
        assertThat(attribute(a, "b")).isEqualTo(Map.of("Type", "Binary",
                "Value", Base64.getEncoder().encodeToString(bytes)));
        assertThat(attribute(a, "arr")).isEqualTo(Map.of("Type", "String.Array", "Value", "[\"a\",1,true]"));
    }

    @Test
    void theEnvelopeIsLaidOutCharacterForCharacterAsSnsWritesIt() {
        String topic = topic("orders");
        String q = createQueue("q");
        String sub = subscribe(topic, q);

        PublishResult published = publish(PublishRequest.of(topic, "line one\nsays \"hi\"").withSubject("subj")
                .withMessageAttributes(Map.of("k", MessageAttributeValue.string("v"))));

        String body = receiveOne(q).body();
        String signature = parse(body).get("Signature").asText();
        String certUrl = parse(body).get("SigningCertURL").asText();
        assertThat(body).isEqualTo("{\n"
                + "  \"Type\" : \"Notification\",\n"
                + "  \"MessageId\" : \"" + published.messageId() + "\",\n"
                + "  \"TopicArn\" : \"" + topic + "\",\n"
                + "  \"Subject\" : \"subj\",\n"
                + "  \"Message\" : \"line one\\nsays \\\"hi\\\"\",\n"
                + "  \"Timestamp\" : \"2026-01-01T00:00:00.000Z\",\n"
                + "  \"SignatureVersion\" : \"1\",\n"
                + "  \"Signature\" : \"" + signature + "\",\n"
                + "  \"SigningCertURL\" : \"" + certUrl + "\",\n"
                + "  \"UnsubscribeURL\" : \"" + ENDPOINT + "/?Action=Unsubscribe&SubscriptionArn=" + sub + "\",\n"
                + "  \"MessageAttributes\" : {\n"
                + "    \"k\" : {\"Type\":\"String\",\"Value\":\"v\"}\n"
                + "  }\n"
                + "}");
    }

    @Test
    void everyAttributeIsOneLineOfTheMessageAttributesBlock() {
        String topic = topic("orders");
        String q = createQueue("q");
        subscribe(topic, q);

        publish(PublishRequest.of(topic, "m").withMessageAttributes(Map.of(
                "k", MessageAttributeValue.string("v"),
                "k2", MessageAttributeValue.number("5"),
                "bin", MessageAttributeValue.binary(new byte[]{2, 3, 4}))));

        String body = receiveOne(q).body();
        assertThat(body).contains("\n  \"MessageAttributes\" : {\n")
                .endsWith("\n  }\n}")
                .contains("\n    \"k\" : {\"Type\":\"String\",\"Value\":\"v\"}")
                .contains("\n    \"k2\" : {\"Type\":\"Number\",\"Value\":\"5\"}")
                .contains("\n    \"bin\" : {\"Type\":\"Binary\",\"Value\":\"AgME\"}");
        String block = body.substring(body.indexOf("\"MessageAttributes\" : {\n") + 24, body.lastIndexOf("\n  }"));
        assertThat(block.split(",\n")).hasSize(3).allMatch(line -> line.startsWith("    \""));
    }

    @Test
    void withoutSubjectOrAttributesTheEnvelopeHasNeitherField() {
        String topic = topic("orders");
        String q = createQueue("q");
        subscribe(topic, q);

        publish(PublishRequest.of(topic, "plain"));

        String body = receiveOne(q).body();
        assertThat(fieldNames(parse(body))).containsExactly("Type", "MessageId", "TopicArn", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL");
        assertThat(body).contains("  \"Type\" : \"Notification\",\n").doesNotContain("Subject")
                .doesNotContain("MessageAttributes").endsWith("\"\n}");
    }

    @Test
    void signatureVersionTwoOnceTheTopicAsksForIt() {
        String topic = topic("orders");
        String q = createQueue("q");
        subscribe(topic, q);

        publish(PublishRequest.of(topic, "v1"));
        await(engine.setTopicAttributes(topic, "SignatureVersion", "2"));
        publish(PublishRequest.of(topic, "v2"));

        Map<String, String> versions = new HashMap<>();
        for (Message m : drain(q)) {
            JsonNode e = parse(m);
            versions.put(e.get("Message").asText(), e.get("SignatureVersion").asText());
            assertThat(Base64.getDecoder().decode(e.get("Signature").asText())).isNotEmpty();
        }
        assertThat(versions).isEqualTo(Map.of("v1", "1", "v2", "2"));
    }

    @Test
    void aFifoTopicsEnvelopeHasASequenceNumberAndNoSignatureFields() {
        String topic = fifoTopic("orders.fifo");
        String q = createQueue("q.fifo", Map.of("FifoQueue", "true"));
        String sub = subscribe(topic, q);

        PublishResult published = publish(PublishRequest.of(topic, "m").withSubject("s").withMessageGroupId("g")
                .withMessageDeduplicationId("d").withMessageAttributes(Map.of("k", MessageAttributeValue.string("v"))));

        assertThat(published.sequenceNumber()).matches("[0-9]{20}");
        String body = receiveOne(q).body();
        assertThat(body).isEqualTo("{\n"
                + "  \"Type\" : \"Notification\",\n"
                + "  \"MessageId\" : \"" + published.messageId() + "\",\n"
                + "  \"SequenceNumber\" : \"" + published.sequenceNumber() + "\",\n"
                + "  \"TopicArn\" : \"" + topic + "\",\n"
                + "  \"Subject\" : \"s\",\n"
                + "  \"Message\" : \"m\",\n"
                + "  \"Timestamp\" : \"2026-01-01T00:00:00.000Z\",\n"
                + "  \"UnsubscribeURL\" : \"" + ENDPOINT + "/?Action=Unsubscribe&SubscriptionArn=" + sub + "\",\n"
                + "  \"MessageAttributes\" : {\n"
                + "    \"k\" : {\"Type\":\"String\",\"Value\":\"v\"}\n"
                + "  }\n"
                + "}");
    }

    // ---- raw delivery ----

    @Test
    void rawDeliveryPutsTheMessageInTheBodyAndTheAttributesOnTheSqsMessage() {
        String topic = topic("orders");
        String q = createQueue("q");
        subscribe(topic, q, Map.of("RawMessageDelivery", "true"));
        byte[] bytes = {2, 3, 4};

        publish(PublishRequest.of(topic, "{\"raw\":true}").withSubject("ignored").withMessageAttributes(Map.of(
                "s", MessageAttributeValue.string("v"),
                "n", MessageAttributeValue.number("99.12"),
                "b", MessageAttributeValue.binary(bytes),
                "arr", new MessageAttributeValue("String.Array", "[\"x\",\"y\"]", null))));

        Message m = receiveOne(q);
        assertThat(m.body()).isEqualTo("{\"raw\":true}");
        assertThat(m.messageAttributes()).containsOnlyKeys("s", "n", "b", "arr");
        assertThat(m.messageAttributes().get("s")).isEqualTo(MessageAttributeValue.string("v"));
        assertThat(m.messageAttributes().get("n")).isEqualTo(MessageAttributeValue.number("99.12"));
        assertThat(m.messageAttributes().get("b").dataType()).isEqualTo("Binary");
        assertThat(m.messageAttributes().get("b").binaryValue()).isEqualTo(bytes);
        assertThat(m.messageAttributes().get("arr"))
                .isEqualTo(new MessageAttributeValue("String.Array", "[\"x\",\"y\"]", null));
    }

    @Test
    void rawDeliveryOfMoreThanTenAttributesIsDiscardedWhileTheEnvelopeSubscriptionGetsIt() {
        String topic = topic("orders");
        String raw = createQueue("raw");
        String wrapped = createQueue("wrapped");
        subscribe(topic, raw, Map.of("RawMessageDelivery", "true"));
        subscribe(topic, wrapped);

        PublishResult ten = publish(PublishRequest.of(topic, "ten").withMessageAttributes(attributes(10)));
        PublishResult eleven = publish(PublishRequest.of(topic, "eleven").withMessageAttributes(attributes(11)));

        assertThat(drain(raw)).extracting(Message::body).containsExactly("ten");
        List<Message> envelopes = drain(wrapped);
        assertThat(envelopes).extracting(m -> parse(m).get("MessageId").asText())
                .containsExactlyInAnyOrder(ten.messageId(), eleven.messageId());
        JsonNode elevenEnvelope = envelopes.stream().map(FanOutTest::parse)
                .filter(e -> e.get("Message").asText().equals("eleven")).findFirst().orElseThrow();
        assertThat(fieldNames(elevenEnvelope.get("MessageAttributes"))).hasSize(11);
    }

    // ---- MessageStructure=json ----

    @Test
    void messageStructureJsonDeliversTheSqsEntry() {
        String topic = topic("orders");
        String q = createQueue("q");
        String rawQ = createQueue("raw");
        subscribe(topic, q);
        subscribe(topic, rawQ, Map.of("RawMessageDelivery", "true"));

        publish(PublishRequest.of(topic, "{\"default\":\"for everyone\",\"sqs\":\"{\\\"field\\\":\\\"value\\\"}\","
                + "\"email\":\"for mail\"}").withMessageStructure("json"));

        assertThat(parse(receiveOne(q)).get("Message").asText()).isEqualTo("{\"field\":\"value\"}");
        assertThat(receiveOne(rawQ).body()).isEqualTo("{\"field\":\"value\"}");
    }

    @Test
    void messageStructureJsonWithoutAnSqsEntryDeliversTheDefault() {
        String topic = topic("orders");
        String q = createQueue("q");
        subscribe(topic, q);

        publish(PublishRequest.of(topic, "{\"default\":\"for everyone\",\"email\":\"for mail\",\"sqs\":{\"no\":1}}")
                .withMessageStructure("json"));

        assertThat(parse(receiveOne(q)).get("Message").asText()).isEqualTo("for everyone");
    }

    // ---- FIFO topics ----

    @Test
    void aFifoTopicKeepsEachGroupsOrderInEveryFifoQueue() {
        String topic = fifoTopic("orders.fifo");
        List<String> queues = List.of(createQueue("a.fifo", Map.of("FifoQueue", "true")),
                createQueue("b.fifo", Map.of("FifoQueue", "true")));
        queues.forEach(q -> subscribe(topic, q));
        List<String> groups = List.of("g1", "g2", "g3");
        Map<String, List<String>> published = new LinkedHashMap<>();
        List<String> sequenceNumbers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String group = groups.get((i * 7) % 3); // interleaves the groups unevenly
            String body = group + "-" + i;
            PublishResult r = publish(PublishRequest.of(topic, body).withMessageGroupId(group)
                    .withMessageDeduplicationId("d" + i));
            published.computeIfAbsent(group, g -> new ArrayList<>()).add(body);
            sequenceNumbers.add(r.sequenceNumber());
        }
        assertThat(sequenceNumbers).isSorted().doesNotHaveDuplicates();

        for (String q : queues) {
            Map<String, List<String>> seen = new LinkedHashMap<>();
            for (Message m : drain(q)) {
                JsonNode e = parse(m);
                String group = m.attributes().get("MessageGroupId");
                assertThat(e.get("Message").asText()).startsWith(group + "-");
                seen.computeIfAbsent(group, g -> new ArrayList<>()).add(e.get("Message").asText());
            }
            assertThat(seen).as("per-group order in %s", q).isEqualTo(published);
        }
    }

    @Test
    void aDuplicatePublishWithinFiveMinutesIsAnsweredLikeTheOriginalAndDeliversNothing() {
        String topic = fifoTopic("orders.fifo");
        String fifoQ = createQueue("q.fifo", Map.of("FifoQueue", "true"));
        String standardQ = createQueue("q");
        subscribe(topic, fifoQ);
        subscribe(topic, standardQ);
        PublishRequest request = PublishRequest.of(topic, "once").withMessageGroupId("g")
                .withMessageDeduplicationId("same");

        PublishResult first = publish(request);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        PublishResult again = publish(request.withMessageAttributes(Map.of("k", MessageAttributeValue.string("v"))));

        assertThat(again).isEqualTo(first);
        assertThat(drain(fifoQ)).hasSize(1);
        assertThat(drain(standardQ)).hasSize(1);

        clock.advance(Duration.ofMillis(1)); // five minutes after the first publish
        PublishResult later = publish(request);

        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(later.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        assertThat(drain(fifoQ)).extracting(m -> parse(m).get("MessageId").asText())
                .containsExactly(later.messageId());
        assertThat(drain(standardQ)).extracting(m -> parse(m).get("MessageId").asText())
                .containsExactly(later.messageId());
    }

    @Test
    void contentBasedDeduplicationOnTheTopicDeduplicatesByBody() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("cbd.fifo",
                Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))));
        String q = createQueue("q.fifo", Map.of("FifoQueue", "true"));
        subscribe(topic, q);

        PublishResult a = publish(PublishRequest.of(topic, "same body").withMessageGroupId("g1"));
        PublishResult b = publish(PublishRequest.of(topic, "same body").withMessageGroupId("g2"));
        PublishResult c = publish(PublishRequest.of(topic, "other body").withMessageGroupId("g1"));

        assertThat(b).isEqualTo(a);
        assertThat(c.messageId()).isNotEqualTo(a.messageId());
        assertThat(drain(q)).extracting(m -> parse(m).get("Message").asText())
                .containsExactly("same body", "other body");
    }

    @Test
    void aFifoTopicDeliversToAStandardQueueWithItsSequenceNumber() {
        String topic = fifoTopic("orders.fifo");
        String q = createQueue("plain");
        subscribe(topic, q);

        PublishResult r1 = publish(PublishRequest.of(topic, "one").withMessageGroupId("g")
                .withMessageDeduplicationId("1"));
        PublishResult r2 = publish(PublishRequest.of(topic, "two").withMessageGroupId("g")
                .withMessageDeduplicationId("2"));

        Map<String, String> sequenceById = new HashMap<>();
        for (Message m : drain(q)) {
            JsonNode e = parse(m);
            sequenceById.put(e.get("MessageId").asText(), e.get("SequenceNumber").asText());
            assertThat(e.has("Signature")).isFalse();
        }
        assertThat(sequenceById).isEqualTo(Map.of(r1.messageId(), r1.sequenceNumber(),
                r2.messageId(), r2.sequenceNumber()));
    }

    // ---- failing subscriptions ----

    @Test
    void aSubscriptionWhoseQueueWasDeletedDoesNotStopTheOthersAndGoesToItsDlq() {
        String topic = topic("orders");
        String gone = createQueue("gone");
        String goneArn = arnOf(gone);
        String other = createQueue("other");
        String dlq = createQueue("sub-dlq");
        String sub = subscribe(topic, gone, Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\"}"));
        subscribe(topic, other);
        await(engine.deleteQueue(gone));

        PublishResult r = publish(PublishRequest.of(topic, "while gone"));

        assertThat(drain(other)).hasSize(1);
        List<Message> deadLettered = drain(dlq);
        assertThat(deadLettered).hasSize(1);
        JsonNode e = parse(deadLettered.get(0));
        assertThat(e.get("MessageId").asText()).isEqualTo(r.messageId());
        assertThat(e.get("UnsubscribeURL").asText()).endsWith(sub);
        assertFails(engine.getQueueUrl("gone", null), ErrorCode.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
        assertThat(await(engine.getSubscriptionAttributes(sub))).containsEntry("Endpoint", goneArn);

        clock.advanceSeconds(60);
        String back = createQueue("gone");
        publish(PublishRequest.of(topic, "back again"));

        assertThat(drain(back)).extracting(m -> parse(m).get("Message").asText()).containsExactly("back again");
        assertThat(drain(dlq)).isEmpty();
        assertThat(drain(other)).hasSize(1);
    }

    @Test
    void aSubscriptionWhoseQueueWasDeletedWithoutDlqLosesTheMessageQuietly() {
        String topic = topic("orders");
        String gone = createQueue("gone");
        String other = createQueue("other");
        subscribe(topic, gone);
        subscribe(topic, other);
        await(engine.deleteQueue(gone));

        PublishResult r = publish(PublishRequest.of(topic, "m"));

        assertThat(r.messageId()).isNotBlank();
        assertThat(drain(other)).hasSize(1);
        assertThat(await(engine.listQueues(io.ferrymq.engine.sqs.ListQueuesRequest.all())).queueUrls()).containsExactly(other);
    }

    @Test
    void aQueueThatRefusesTheDeliveryForItsSizeSendsItToTheSubscriptionsDlq() {
        String topic = topic("orders");
        String small = createQueue("small", Map.of("MaximumMessageSize", "1024"));
        String dlq = createQueue("sub-dlq");
        subscribe(topic, small, Map.of("RawMessageDelivery", "true",
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\"}"));
        String large = "x".repeat(1025);
        String fits = "y".repeat(1024);

        publish(PublishRequest.of(topic, large));
        publish(PublishRequest.of(topic, fits));

        assertThat(drain(small)).extracting(Message::body).containsExactly(fits);
        assertThat(drain(dlq)).extracting(Message::body).containsExactly(large);
    }

    @Test
    void theEnvelopeCountsAgainstTheQueuesMaximumMessageSize() {
        String topic = topic("orders");
        String small = createQueue("small", Map.of("MaximumMessageSize", "1024"));
        String dlq = createQueue("sub-dlq");
        subscribe(topic, small, Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\"}"));

        publish(PublishRequest.of(topic, "z".repeat(800))); // fits SQS as a message, not inside the envelope

        assertThat(drain(small)).isEmpty();
        List<Message> deadLettered = drain(dlq);
        assertThat(deadLettered).hasSize(1);
        assertThat(parse(deadLettered.get(0)).get("Message").asText()).isEqualTo("z".repeat(800));
    }

    @Test
    void unsubscribingMidStreamKeepsWhatWasPublishedBeforeAndNothingAfter() {
        String topic = topic("orders");
        String leaving = createQueue("leaving");
        String staying = createQueue("staying");
        String sub = subscribe(topic, leaving);
        subscribe(topic, staying);

        publish(PublishRequest.of(topic, "1"));
        publish(PublishRequest.of(topic, "2"));
        await(engine.unsubscribe(sub));
        publish(PublishRequest.of(topic, "3"));

        assertThat(messages(drain(leaving))).containsExactlyInAnyOrder("1", "2");
        assertThat(messages(drain(staying))).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(await(engine.getTopicAttributes(topic))).containsEntry("SubscriptionsConfirmed", "1")
                .containsEntry("SubscriptionsDeleted", "1");
    }

    @Test
    void deletingTheTopicMidStreamStopsDeliveryAndForgetsItsSubscriptions() {
        String topic = topic("orders");
        String q = createQueue("q");
        subscribe(topic, q);

        publish(PublishRequest.of(topic, "before"));
        await(engine.deleteTopic(topic));
        assertFails(engine.publish(PublishRequest.of(topic, "after")), ErrorCode.SNS_NOT_FOUND,
                "Topic does not exist");
        String again = topic("orders");
        publish(PublishRequest.of(again, "to the new topic"));

        assertThat(again).isEqualTo(topic);
        assertThat(messages(drain(q))).containsExactly("before");
        assertThat(await(engine.listSubscriptionsByTopic(again, null)).subscriptions()).isEmpty();
    }

    // ---- helpers ----

    private String topic(String name) {
        return await(engine.createTopic(CreateTopicRequest.of(name)));
    }

    private String fifoTopic(String name) {
        return await(engine.createTopic(CreateTopicRequest.of(name, Map.of("FifoTopic", "true"))));
    }

    private String subscribe(String topicArn, String queueUrl) {
        return subscribe(topicArn, queueUrl, Map.of());
    }

    private String subscribe(String topicArn, String queueUrl, Map<String, String> attributes) {
        return await(engine.subscribe(SubscribeRequest.sqs(topicArn, arnOf(queueUrl), attributes)));
    }

    private PublishResult publish(PublishRequest request) {
        return await(engine.publish(request));
    }

    private static List<String> messages(List<Message> received) {
        return received.stream().map(m -> parse(m).get("Message").asText()).toList();
    }

    private static Map<String, MessageAttributeValue> attributes(int count) {
        Map<String, MessageAttributeValue> out = new HashMap<>();
        for (int i = 0; i < count; i++) {
            out.put("a" + i, MessageAttributeValue.string("v" + i));
        }
        return out;
    }

    private static JsonNode parse(Message m) {
        return parse(m.body());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Map<String, String> attribute(JsonNode attributes, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.get(name).fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        assertThat(out.keySet()).containsExactly("Type", "Value");
        return out;
    }
}
