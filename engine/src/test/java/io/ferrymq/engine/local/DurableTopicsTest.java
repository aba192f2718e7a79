package io.ferrymq.engine.local;

import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Topics, subscriptions, deduplication windows and archives in a data directory outlive the engine. */
class DurableTopicsTest extends DurableEngineFixture {
    private static Map<String, MessageAttributeValue> amount(long n) {
        return Map.of("amount", MessageAttributeValue.number(n));
    }

    @Test
    void topicsWithTheirAttributesTagsAndFilteredSubscriptionsSurviveARestart() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("orders")));
        await(engine.setTopicAttributes(topic, "DisplayName", "Orders"));
        await(engine.tagResource(topic, Map.of("team", "billing")));
        String big = createQueue("big");
        String all = createQueue("all");
        await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(big), Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"amount\":[{\"numeric\":[\">\",100]}]}"))));
        String allSubscription = subscribeQueue(topic, all);

        restart();

        assertThat(await(engine.getTopicAttributes(topic))).containsEntry("DisplayName", "Orders")
                .containsEntry("SubscriptionsConfirmed", "2");
        assertThat(await(engine.listTagsForResource(topic))).containsEntry("team", "billing");
        assertThat(await(engine.getSubscriptionAttributes(allSubscription))).containsEntry("Endpoint", arnOf(all));
        await(engine.publish(PublishRequest.of(topic, "small").withMessageAttributes(amount(5))));
        await(engine.publish(PublishRequest.of(topic, "large").withMessageAttributes(amount(500))));
        assertThat(drain(big)).extracting(Message::body).containsExactly("large");
        assertThat(drain(all)).hasSize(2);
        assertThat(engine.recovery().topics()).isEqualTo(1);
        assertThat(engine.recovery().subscriptions()).isEqualTo(2);
    }

    @Test
    void aPublishedMessageIsInEverySubscribedQueueAfterARestart() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("orders")));
        List<String> queues = List.of(createQueue("a"), createQueue("b"), createQueue("c"));
        queues.forEach(q -> subscribeQueue(topic, q));
        String id = await(engine.publish(PublishRequest.of(topic, "fan out"))).messageId();

        restart();

        for (String q : queues) {
            assertThat(drain(q)).as(q).singleElement().satisfies(m -> assertThat(m.body()).contains(id));
        }
    }

    @Test
    void unsubscribedAndDeletedStayGone() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("orders")));
        String q = createQueue("q");
        String subscription = subscribeQueue(topic, q);
        await(engine.unsubscribe(subscription));
        String gone = await(engine.createTopic(CreateTopicRequest.of("gone")));
        subscribeQueue(gone, q);
        await(engine.deleteTopic(gone));

        restart();

        assertThat(failure(engine.getSubscriptionAttributes(subscription)).code()).isEqualTo("NotFound");
        assertThat(failure(engine.getTopicAttributes(gone)).code()).isEqualTo("NotFound");
        assertThat(await(engine.listSubscriptions(null)).subscriptions()).isEmpty();
    }

    @Test
    void aFifoTopicsDeduplicationWindowSurvivesARestart() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("orders.fifo", Map.of("FifoTopic", "true"))));
        String q = createQueue("q.fifo", Map.of("FifoQueue", "true"));
        subscribeQueue(topic, q);
        var first = await(engine.publish(PublishRequest.of(topic, "once").withMessageGroupId("g")
                .withMessageDeduplicationId("d1")));

        restart();
        clock.advanceSeconds(60);
        var again = await(engine.publish(PublishRequest.of(topic, "once").withMessageGroupId("g")
                .withMessageDeduplicationId("d1")));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(drain(q)).hasSize(1);
    }

    @Test
    void aFifoQueuesDeduplicationWindowSurvivesARestart() {
        String q = createQueue("q.fifo", Map.of("FifoQueue", "true"));
        var first = await(engine.sendMessage(SendMessageRequest.of(q, "once").withMessageGroupId("g")
                .withMessageDeduplicationId("d1")));

        restart();
        var again = await(engine.sendMessage(SendMessageRequest.of(q, "once").withMessageGroupId("g")
                .withMessageDeduplicationId("d1")));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(drain(q)).hasSize(1);
    }

    @Test
    void aFifoTopicsArchiveSurvivesARestartAndReplaysToANewSubscription() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("events.fifo", Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", "true", "ArchivePolicy", "{\"MessageRetentionPeriod\":\"7\"}"))));
        String start = java.time.Instant.ofEpochMilli(clock.millis()).toString();
        for (int i = 0; i < 5; i++) {
            await(engine.publish(PublishRequest.of(topic, "event " + i).withMessageGroupId("g")));
        }

        restart();
        String replay = createQueue("replay");
        await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(replay), Map.of("RawMessageDelivery", "true",
                "ReplayPolicy", "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"" + start + "\"}"))));

        assertThat(drain(replay)).extracting(Message::body)
                .containsExactly("event 0", "event 1", "event 2", "event 3", "event 4");
    }
}
