package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.PublishResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FIFO topic archives and subscription replays (docs/sns-research.md section 6): what a ReplayPolicy re-delivers, in
 * what order, through which filter, and what the topic and subscription attributes say about it. The clock starts at
 * 2026-01-01T00:00:00Z and only moves when a test moves it.
 */
class ReplayTest extends EngineFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, String> FIFO_QUEUE = Map.of("FifoQueue", "true");

    @Test
    void aNewSubscriptionReplaysTheArchiveFromItsStartingPointInOrderThenGetsLiveMessages() {
        String topic = archivedTopic("orders.fifo", 7);
        String live = createQueue("live.fifo", FIFO_QUEUE);
        subscribe(topic, live, Map.of());
        List<PublishResult> archived = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            archived.add(publish(topic, "m" + i, "g"));
            clock.advance(Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(drain(live)).hasSize(5);

        String late = createQueue("late.fifo", FIFO_QUEUE);
        subscribe(topic, late, Map.of("ReplayPolicy", replayFrom(T0.plus(Duration.ofMinutes(2)))));
        PublishResult after = publish(topic, "live one", "g");

        List<JsonNode> got = envelopes(drain(late));
        assertThat(got).extracting(e -> e.get("Message").asText())
                .containsExactly("m2", "m3", "m4", "live one");
        assertThat(got).extracting(e -> e.get("MessageId").asText()).containsExactly(
                archived.get(2).messageId(), archived.get(3).messageId(), archived.get(4).messageId(),
                after.messageId());
        assertThat(got).extracting(e -> e.get("SequenceNumber").asText()).containsExactly(
                archived.get(2).sequenceNumber(), archived.get(3).sequenceNumber(),
                archived.get(4).sequenceNumber(), after.sequenceNumber());
        assertThat(got.get(0).get("Timestamp").asText()).isEqualTo("2026-01-01T00:02:00.000Z");
        assertThat(got.get(3).get("Timestamp").asText()).isEqualTo("2026-01-01T00:15:00.000Z");
        assertThat(envelopes(drain(live))).as("the replay is for the new subscription only")
                .extracting(e -> e.get("Message").asText()).containsExactly("live one");
    }

    @Test
    void theStartingPointIsInclusiveToTheMillisecond() {
        String topic = archivedTopic("orders.fifo", 1);
        clock.advance(Duration.ofMillis(1500));
        publish(topic, "at 1.5s", "g");
        clock.advance(Duration.ofMillis(1));
        publish(topic, "at 1.501s", "g");

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0.plusMillis(1501))));

        assertThat(messages(drain(q))).containsExactly("at 1.501s");
    }

    @Test
    void aReplayAcrossGroupsKeepsEachGroupsOrder() {
        String topic = archivedTopic("orders.fifo", 1);
        Map<String, List<String>> published = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String group = "g" + (i % 3);
            publish(topic, group + "-" + i, group);
            published.computeIfAbsent(group, g -> new ArrayList<>()).add(group + "-" + i);
            clock.advance(Duration.ofSeconds(1));
        }

        String q = createQueue("q.fifo", FIFO_QUEUE);
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0)));

        Map<String, List<String>> seen = new HashMap<>();
        for (Message m : drain(q)) {
            String group = m.attributes().get("MessageGroupId");
            seen.computeIfAbsent(group, g -> new ArrayList<>()).add(envelope(m).get("Message").asText());
        }
        assertThat(seen).isEqualTo(published);
    }

    @Test
    void theFilterPolicyAppliesToReplayedMessages() {
        String topic = archivedTopic("orders.fifo", 1);
        for (int i = 0; i < 6; i++) {
            publish(PublishRequest.of(topic, "m" + i).withMessageGroupId("g").withMessageDeduplicationId("d" + i)
                    .withMessageAttributes(Map.of("color", MessageAttributeValue.string(i % 2 == 0 ? "red" : "blue"))));
        }

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0), "FilterPolicy", "{\"color\":[\"red\"]}"));
        publish(PublishRequest.of(topic, "live red").withMessageGroupId("g").withMessageDeduplicationId("lr")
                .withMessageAttributes(Map.of("color", MessageAttributeValue.string("red"))));
        publish(PublishRequest.of(topic, "live blue").withMessageGroupId("g").withMessageDeduplicationId("lb")
                .withMessageAttributes(Map.of("color", MessageAttributeValue.string("blue"))));

        assertThat(messages(drain(q))).containsExactlyInAnyOrder("m0", "m2", "m4", "live red");
    }

    @Test
    void aMessageBodyFilterAppliesToReplayedMessagesPublishedBeforeAnySubscriptionFilteredOnTheBody() {
        String topic = archivedTopic("orders.fifo", 1);
        publish(topic, "{\"kind\":\"order\",\"n\":1}", "g");
        publish(topic, "{\"kind\":\"refund\",\"n\":2}", "g");
        publish(topic, "not json", "g");
        publish(topic, "{\"kind\":\"order\",\"n\":3}", "g");

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0), "FilterPolicyScope", "MessageBody",
                "FilterPolicy", "{\"kind\":[\"order\"]}"));

        assertThat(messages(drain(q))).containsExactlyInAnyOrder("{\"kind\":\"order\",\"n\":1}",
                "{\"kind\":\"order\",\"n\":3}");
    }

    @Test
    void anEndingPointReplaysTheWindowThenPausesTheSubscriptionUntilAnOpenReplay() {
        String topic = archivedTopic("orders.fifo", 1);
        for (int i = 0; i < 5; i++) {
            publish(topic, "m" + i, "g");
            clock.advance(Duration.ofMinutes(1));
        }
        String q = createQueue("q.fifo", FIFO_QUEUE);
        String sub = subscribe(topic, q, Map.of("ReplayPolicy",
                replay(T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(3)))));
        publish(topic, "while paused", "g");

        assertThat(messages(drain(q))).containsExactly("m1", "m2", "m3");
        assertThat(attributesOf(sub)).containsEntry("ReplayStatus", "Completed");

        await(engine.setSubscriptionAttributes(sub, "ReplayPolicy", replayFrom(T0.plus(Duration.ofMinutes(4)))));
        publish(topic, "live again", "g");

        assertThat(messages(drain(q))).containsExactly("m4", "while paused", "live again");
    }

    @Test
    void clearingTheReplayPolicyEndsThePause() {
        String topic = archivedTopic("orders.fifo", 1);
        publish(topic, "old", "g");
        String q = createQueue("q");
        String sub = subscribe(topic, q, Map.of("ReplayPolicy", replay(T0, T0)));
        publish(topic, "paused", "g");
        assertThat(messages(drain(q))).containsExactly("old");

        await(engine.setSubscriptionAttributes(sub, "ReplayPolicy", ""));
        publish(topic, "after", "g");

        assertThat(messages(drain(q))).containsExactly("after");
        assertThat(attributesOf(sub)).doesNotContainKey("ReplayPolicy");
    }

    @Test
    void setSubscriptionAttributesReplaysToAnExistingStandardQueueSubscription() {
        String topic = archivedTopic("orders.fifo", 1);
        String q = createQueue("q");
        String sub = subscribe(topic, q, Map.of());
        PublishResult first = publish(topic, "one", "g");
        clock.advance(Duration.ofMinutes(1));
        PublishResult second = publish(topic, "two", "g");
        assertThat(drain(q)).hasSize(2);
        assertThat(attributesOf(sub)).doesNotContainKey("ReplayStatus");

        await(engine.setSubscriptionAttributes(sub, "ReplayPolicy", replayFrom(T0)));

        assertThat(envelopes(drain(q))).extracting(e -> e.get("MessageId").asText())
                .containsExactlyInAnyOrder(first.messageId(), second.messageId());
        assertThat(attributesOf(sub)).containsEntry("ReplayStatus", "Completed")
                .containsEntry("ReplayPolicy", replayFrom(T0));
    }

    /**
     * Replays reuse the original MessageDeduplicationId (docs/sns-research.md section 6), so a FIFO queue that got the
     * originals less than five minutes ago takes the replayed copies for duplicates and keeps none of them; once its
     * own deduplication window has passed, the replay arrives.
     */
    @Test
    void aFifoQueueDropsAReplayOfWhatItReceivedWithinItsFiveMinuteDeduplicationWindow() {
        String topic = archivedTopic("orders.fifo", 1);
        String q = createQueue("q.fifo", FIFO_QUEUE);
        String sub = subscribe(topic, q, Map.of());
        publish(topic, "one", "g");
        publish(topic, "two", "g");
        assertThat(drain(q)).hasSize(2);

        clock.advance(Duration.ofMinutes(4));
        await(engine.setSubscriptionAttributes(sub, "ReplayPolicy", replayFrom(T0)));
        assertThat(drain(q)).as("replayed inside the queue's deduplication window").isEmpty();
        assertThat(attributesOf(sub)).containsEntry("ReplayStatus", "Completed");

        clock.advance(Duration.ofMinutes(1)); // five minutes after the originals
        await(engine.setSubscriptionAttributes(sub, "ReplayPolicy", replayFrom(T0)));
        assertThat(messages(drain(q))).containsExactly("one", "two");
    }

    @Test
    void aNewFifoQueueGetsTheReplayEvenRightAfterThePublish() {
        String topic = archivedTopic("orders.fifo", 1);
        String first = createQueue("first.fifo", FIFO_QUEUE);
        subscribe(topic, first, Map.of());
        publish(topic, "one", "g");

        String second = createQueue("second.fifo", FIFO_QUEUE);
        subscribe(topic, second, Map.of("ReplayPolicy", replayFrom(T0)));

        assertThat(messages(drain(second))).as("deduplication is per queue").containsExactly("one");
        assertThat(drain(first)).hasSize(1);
    }

    @Test
    void replayStatusIsCompletedOnceTheReplayIsDoneAndAbsentWithoutReplay() {
        String topic = archivedTopic("orders.fifo", 1);
        publish(topic, "m", "g");
        String plain = subscribe(topic, createQueue("plain"), Map.of());
        String replaying = subscribe(topic, createQueue("replaying"), Map.of("ReplayPolicy", replayFrom(T0)));

        assertThat(attributesOf(plain)).doesNotContainKeys("ReplayStatus", "ReplayPolicy");
        assertThat(attributesOf(replaying)).containsEntry("ReplayStatus", "Completed")
                .containsEntry("ReplayPolicy", replayFrom(T0));
    }

    @Test
    void messagesOlderThanTheRetentionPeriodAreNotReplayed() {
        String topic = archivedTopic("orders.fifo", 2);
        publish(topic, "day 0", "g");
        clock.advance(Duration.ofDays(1));
        publish(topic, "day 1", "g");
        clock.advance(Duration.ofDays(1).plusHours(1)); // day 0's message is now 2 days and 1 hour old

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0)));

        assertThat(messages(drain(q))).containsExactly("day 1");
    }

    @Test
    void aTopicWithoutArchivePolicyReplaysNothing() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("plain.fifo", Map.of("FifoTopic", "true"))));
        publish(topic, "not archived", "g");

        String q = createQueue("q");
        String sub = subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0)));
        publish(topic, "live", "g");

        assertThat(messages(drain(q))).containsExactly("live");
        assertThat(await(engine.getTopicAttributes(topic))).doesNotContainKeys("BeginningArchiveTime",
                "ArchivePolicy");
        assertThat(attributesOf(sub)).containsEntry("ReplayStatus", "Completed");
    }

    @Test
    void anEmptyArchivePolicyClearsTheArchiveAtOnce() {
        String topic = archivedTopic("orders.fifo", 1);
        publish(topic, "before", "g");
        await(engine.setTopicAttributes(topic, "ArchivePolicy", "{}"));
        await(engine.setTopicAttributes(topic, "ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}"));

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0)));
        publish(topic, "live", "g");

        assertThat(messages(drain(q))).containsExactly("live");
    }

    @Test
    void messagesPublishedWhileArchivingIsOffAreNotReplayed() {
        String topic = archivedTopic("orders.fifo", 1);
        publish(topic, "before", "g");
        await(engine.setTopicAttributes(topic, "ArchivePolicy", "{}"));
        publish(topic, "unarchived", "g");
        clock.advance(Duration.ofMinutes(1));
        await(engine.setTopicAttributes(topic, "ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}"));
        publish(topic, "archived again", "g");

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0)));

        assertThat(messages(drain(q))).containsExactly("archived again");
        assertThat(await(engine.getTopicAttributes(topic)))
                .containsEntry("BeginningArchiveTime", "2026-01-01T00:01:00Z");
    }

    @Test
    void aStandardQueueSubscribedToTheFifoTopicReplaysWithSequenceNumbers() {
        String topic = archivedTopic("orders.fifo", 1);
        PublishResult a = publish(topic, "a", "g1");
        PublishResult b = publish(topic, "b", "g2");

        String q = createQueue("standard");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0)));

        Map<String, String> sequenceById = new HashMap<>();
        for (JsonNode e : envelopes(drain(q))) {
            sequenceById.put(e.get("MessageId").asText(), e.get("SequenceNumber").asText());
        }
        assertThat(sequenceById).isEqualTo(Map.of(a.messageId(), a.sequenceNumber(),
                b.messageId(), b.sequenceNumber()));
    }

    @Test
    void rawDeliveryReplaysTheMessageItself() {
        String topic = archivedTopic("orders.fifo", 1);
        publish(PublishRequest.of(topic, "raw body").withMessageGroupId("g").withMessageDeduplicationId("d")
                .withMessageAttributes(Map.of("k", MessageAttributeValue.string("v"))));

        String q = createQueue("q");
        subscribe(topic, q, Map.of("ReplayPolicy", replayFrom(T0), "RawMessageDelivery", "true"));

        Message m = receiveOne(q);
        assertThat(m.body()).isEqualTo("raw body");
        assertThat(m.messageAttributes()).containsEntry("k", MessageAttributeValue.string("v"));
    }

    @Test
    void beginningArchiveTimeIsWhenArchivingStartedAndMovesWithTheRetentionPeriod() {
        clock.advance(Duration.ofMillis(1234));
        String created = archivedTopic("created.fifo", 1);
        String plain = await(engine.createTopic(CreateTopicRequest.of("later.fifo", Map.of("FifoTopic", "true"))));
        clock.advance(Duration.ofHours(1));
        await(engine.setTopicAttributes(plain, "ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}"));

        assertThat(await(engine.getTopicAttributes(created)))
                .containsEntry("BeginningArchiveTime", "2026-01-01T00:00:01.234Z")
                .containsEntry("ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}");
        assertThat(await(engine.getTopicAttributes(plain)))
                .containsEntry("BeginningArchiveTime", "2026-01-01T01:00:01.234Z");

        clock.advance(Duration.ofDays(2));
        assertThat(await(engine.getTopicAttributes(created)))
                .as("nothing older than the retention period can be replayed")
                .containsEntry("BeginningArchiveTime", "2026-01-02T01:00:01.234Z");
    }

    // ---- helpers ----

    private String archivedTopic(String name, int days) {
        return await(engine.createTopic(CreateTopicRequest.of(name, Map.of("FifoTopic", "true",
                "ArchivePolicy", "{\"MessageRetentionPeriod\":\"" + days + "\"}"))));
    }

    private String subscribe(String topicArn, String queueUrl, Map<String, String> attributes) {
        return await(engine.subscribe(SubscribeRequest.sqs(topicArn, arnOf(queueUrl), attributes)));
    }

    private int dedup;

    private PublishResult publish(String topicArn, String message, String group) {
        return publish(PublishRequest.of(topicArn, message).withMessageGroupId(group)
                .withMessageDeduplicationId("d" + dedup++));
    }

    private PublishResult publish(PublishRequest request) {
        return await(engine.publish(request));
    }

    private Map<String, String> attributesOf(String subscriptionArn) {
        return await(engine.getSubscriptionAttributes(subscriptionArn));
    }

    private static String replayFrom(Instant start) {
        return "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"" + start + "\"}";
    }

    private static String replay(Instant start, Instant end) {
        return "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"" + start + "\",\"EndingPoint\":\"" + end + "\"}";
    }

    private static List<JsonNode> envelopes(List<Message> received) {
        return received.stream().map(ReplayTest::envelope).toList();
    }

    private static List<String> messages(List<Message> received) {
        return envelopes(received).stream().map(e -> e.get("Message").asText()).toList();
    }

    private static JsonNode envelope(Message m) {
        try {
            return JSON.readTree(m.body());
        } catch (IOException e) {
            throw new AssertionError("not an SNS envelope: " + m.body(), e);
        }
    }
}
