package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.PublishResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Concurrent publishers against topics with many subscriptions, on the real-clock engine. Publishing delivers to the
 * queues before it answers, so once the publishers are done every delivery is in its queue: a message missing,
 * doubled, sent to a subscription whose filter does not match it, or out of its group's order is an engine bug.
 * Every wait is bounded, so a hang fails the test instead.
 */
class TopicConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 20;
    private static final List<String> COLORS = List.of("red", "green", "blue", "yellow", "black");

    private LocalEngine engine;
    private ExecutorService threads;

    @BeforeEach
    void start() {
        engine = LocalEngine.create();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).as("worker threads stop").isTrue();
        engine.close();
    }

    /** A subscription under test: its queue, whether it is raw, and which published messages it should get. */
    private record Sub(String queueUrl, boolean raw, Predicate<Attrs> wants) {
    }

    /** What a message was published with: its number n (a Number attribute) and its color (a String attribute). */
    private record Attrs(int n, String color) {
        Map<String, MessageAttributeValue> asAttributes() {
            return Map.of("n", MessageAttributeValue.number(n), "color", MessageAttributeValue.string(color));
        }
    }

    @Test
    void concurrentPublishersReachEveryMatchingSubscriptionExactlyOnce() throws Exception {
        String topic = get(engine.createTopic(CreateTopicRequest.of("fanout")));
        List<Sub> subs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String filter;
            Predicate<Attrs> wants;
            int k = i;
            String color = COLORS.get(i % COLORS.size());
            switch (i % 5) {
                case 0 -> {
                    filter = null;
                    wants = a -> true;
                }
                case 1 -> {
                    filter = "{\"n\":[{\"numeric\":[\"<\"," + (k * 2) + "]}]}";
                    wants = a -> a.n() < k * 2;
                }
                case 2 -> {
                    filter = "{\"color\":[\"" + color + "\"]}";
                    wants = a -> a.color().equals(color);
                }
                case 3 -> {
                    filter = "{\"n\":[{\"numeric\":[\">=\"," + k + ",\"<=\"," + (k + 30) + "]}],\"color\":[{"
                            + "\"anything-but\":\"" + color + "\"}]}";
                    wants = a -> a.n() >= k && a.n() <= k + 30 && !a.color().equals(color);
                }
                default -> {
                    filter = "{\"color\":[{\"prefix\":\"" + color.charAt(0) + "\"}]}";
                    wants = a -> a.color().startsWith(color.substring(0, 1));
                }
            }
            boolean raw = i % 2 == 1;
            String queue = get(engine.createQueue(CreateQueueRequest.of("sub-" + i,
                    Map.of("VisibilityTimeout", "43200"))));
            Map<String, String> attributes = new HashMap<>();
            if (filter != null) {
                attributes.put("FilterPolicy", filter);
            }
            attributes.put("RawMessageDelivery", Boolean.toString(raw));
            get(engine.subscribe(SubscribeRequest.sqs(topic, arn(queue), attributes)));
            subs.add(new Sub(queue, raw, wants));
        }

        int publishers = 8;
        int perPublisher = 200;
        Map<String, Attrs> sent = new ConcurrentHashMap<>(); // body -> attributes
        Map<String, String> messageIdOf = new ConcurrentHashMap<>(); // SNS MessageId -> body
        List<Callable<Void>> work = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            work.add(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    String body = "p" + publisher + "-" + i;
                    Attrs a = new Attrs((publisher * 31 + i * 7) % 100, COLORS.get((publisher + i) % COLORS.size()));
                    PublishResult r = get(engine.publish(PublishRequest.of(topic, body)
                            .withMessageAttributes(a.asAttributes())));
                    sent.put(body, a);
                    messageIdOf.put(r.messageId(), body);
                }
                return null;
            });
        }
        runAll(work);
        assertThat(sent).hasSize(publishers * perPublisher);

        for (Sub s : subs) {
            List<String> got = new ArrayList<>();
            for (Message m : receiveAll(s.queueUrl())) {
                got.add(s.raw() ? m.body() : messageIdOf.get(envelope(m).get("MessageId").asText()));
            }
            Set<String> expected = new HashSet<>();
            sent.forEach((body, a) -> {
                if (s.wants().test(a)) {
                    expected.add(body);
                }
            });
            assertThat(got).as("deliveries to %s", s.queueUrl()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void concurrentPublishersToAFifoTopicGiveEveryQueueTheSameOrderInEachGroup() throws Exception {
        String topic = get(engine.createTopic(CreateTopicRequest.of("ordered.fifo", Map.of("FifoTopic", "true"))));
        List<String> fifoQueues = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String q = get(engine.createQueue(CreateQueueRequest.of("fifo-" + i + ".fifo",
                    Map.of("FifoQueue", "true", "VisibilityTimeout", "43200"))));
            get(engine.subscribe(SubscribeRequest.sqs(topic, arn(q), Map.of("RawMessageDelivery",
                    Boolean.toString(i % 2 == 0)))));
            fifoQueues.add(q);
        }
        String standard = get(engine.createQueue(CreateQueueRequest.of("standard",
                Map.of("VisibilityTimeout", "43200"))));
        get(engine.subscribe(SubscribeRequest.sqs(topic, arn(standard))));

        List<String> groups = List.of("g0", "g1", "g2", "g3");
        int publishers = 8;
        int perPublisher = 150;
        Map<String, String> sequenceOf = new ConcurrentHashMap<>(); // body -> SequenceNumber
        Map<String, String> groupOf = new ConcurrentHashMap<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            work.add(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    String body = "p" + publisher + "-" + i;
                    String group = groups.get((publisher + i) % groups.size()); // every group has many publishers
                    PublishResult r = get(engine.publish(PublishRequest.of(topic, body).withMessageGroupId(group)
                            .withMessageDeduplicationId(body)));
                    sequenceOf.put(body, r.sequenceNumber());
                    groupOf.put(body, group);
                }
                return null;
            });
        }
        runAll(work);
        assertThat(new HashSet<>(sequenceOf.values())).as("sequence numbers are unique")
                .hasSize(publishers * perPublisher);

        Map<String, List<String>> expected = new HashMap<>(); // group -> bodies by sequence number
        sequenceOf.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> expected.computeIfAbsent(groupOf.get(e.getKey()), g -> new ArrayList<>())
                        .add(e.getKey()));

        for (int i = 0; i < fifoQueues.size(); i++) {
            boolean raw = i % 2 == 0;
            Map<String, List<String>> seen = new HashMap<>();
            for (Message m : drainFifo(fifoQueues.get(i))) {
                String body = raw ? m.body() : envelope(m).get("Message").asText();
                if (!raw) {
                    assertThat(envelope(m).get("SequenceNumber").asText()).isEqualTo(sequenceOf.get(body));
                }
                seen.computeIfAbsent(m.attributes().get("MessageGroupId"), g -> new ArrayList<>()).add(body);
            }
            assertThat(seen).as("per-group order in %s", fifoQueues.get(i)).isEqualTo(expected);
        }
        List<String> standardBodies = receiveAll(standard).stream().map(m -> envelope(m).get("Message").asText())
                .toList();
        assertThat(standardBodies).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sequenceOf.keySet());
    }

    @Test
    void subscribeAndUnsubscribeChurnDuringPublishingLosesNothingForStableSubscriptions() throws Exception {
        String topic = get(engine.createTopic(CreateTopicRequest.of("churn")));
        List<Sub> stable = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String q = get(engine.createQueue(CreateQueueRequest.of("stable-" + i,
                    Map.of("VisibilityTimeout", "43200"))));
            String color = COLORS.get(i % COLORS.size());
            boolean filtered = i % 2 == 1;
            get(engine.subscribe(SubscribeRequest.sqs(topic, arn(q), filtered
                    ? Map.of("FilterPolicy", "{\"color\":[\"" + color + "\"]}", "RawMessageDelivery", "true")
                    : Map.of("RawMessageDelivery", "true"))));
            stable.add(new Sub(q, true, filtered ? a -> a.color().equals(color) : a -> true));
        }
        List<String> churnQueues = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            churnQueues.add(get(engine.createQueue(CreateQueueRequest.of("churn-" + i,
                    Map.of("VisibilityTimeout", "43200")))));
        }

        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger churnRounds = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS / 2);
        Map<String, Attrs> sent = new ConcurrentHashMap<>();
        List<Callable<Void>> publishers = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            int publisher = p;
            publishers.add(() -> {
                // at least 300 each, and on until the churners have been through enough rounds
                for (int i = 0; i < 300 || (churnRounds.get() < 100 && System.nanoTime() < deadline); i++) {
                    String body = "p" + publisher + "-" + i;
                    Attrs a = new Attrs(i % 100, COLORS.get((publisher * 3 + i) % COLORS.size()));
                    get(engine.publish(PublishRequest.of(topic, body).withMessageAttributes(a.asAttributes())));
                    sent.put(body, a);
                }
                return null;
            });
        }
        List<Callable<Void>> churners = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int churner = c;
            churners.add(() -> {
                int round = 0;
                while (publishing.get()) {
                    String q = churnQueues.get(churner * 3 + round % 3); // each churner its own queues
                    String sub = get(engine.subscribe(SubscribeRequest.sqs(topic, arn(q),
                            Map.of("RawMessageDelivery", "true"))));
                    get(engine.setSubscriptionAttributes(sub, "FilterPolicy",
                            "{\"n\":[{\"numeric\":[\"<\"," + (round % 100) + "]}]}"));
                    get(engine.listSubscriptionsByTopic(topic, null));
                    get(engine.unsubscribe(sub));
                    round++;
                    churnRounds.incrementAndGet();
                }
                return null;
            });
        }
        List<Future<Void>> churning = new ArrayList<>();
        for (Callable<Void> c : churners) {
            churning.add(threads.submit(c));
        }
        try {
            runAll(publishers);
        } finally {
            publishing.set(false);
        }
        for (Future<Void> f : churning) {
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(sent.size()).isGreaterThanOrEqualTo(6 * 300);
        assertThat(churnRounds.get()).as("subscriptions churned while publishing").isGreaterThanOrEqualTo(100);

        for (Sub s : stable) {
            Set<String> expected = new HashSet<>();
            sent.forEach((body, a) -> {
                if (s.wants().test(a)) {
                    expected.add(body);
                }
            });
            List<String> got = receiveAll(s.queueUrl()).stream().map(Message::body).toList();
            assertThat(got).as("deliveries to %s", s.queueUrl()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        for (String q : churnQueues) {
            List<String> got = receiveAll(q).stream().map(Message::body).toList();
            assertThat(got).as("churned %s", q).doesNotHaveDuplicates();
            assertThat(sent.keySet()).as("churned %s got only published messages", q).containsAll(got);
        }
        assertThat(get(engine.listSubscriptionsByTopic(topic, null)).subscriptions()).hasSize(10);
    }

    @Test
    void aReplaySubscriptionAddedDuringPublishingGetsEveryMessageOnceInGroupOrder() throws Exception {
        String topic = get(engine.createTopic(CreateTopicRequest.of("archived.fifo",
                Map.of("FifoTopic", "true", "ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}"))));
        String startingPoint = Instant.ofEpochMilli(System.currentTimeMillis() - 1_000).toString();
        List<String> groups = List.of("a", "b", "c");
        Map<String, String> sequenceOf = new ConcurrentHashMap<>();
        Map<String, String> groupOf = new ConcurrentHashMap<>();
        List<Callable<Void>> publishers = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            int publisher = p;
            publishers.add(() -> {
                for (int i = 0; i < 200; i++) {
                    String body = "p" + publisher + "-" + i;
                    String group = groups.get((publisher + i) % groups.size());
                    PublishResult r = get(engine.publish(PublishRequest.of(topic, body).withMessageGroupId(group)
                            .withMessageDeduplicationId(body)));
                    sequenceOf.put(body, r.sequenceNumber());
                    groupOf.put(body, group);
                }
                return null;
            });
        }
        List<String> replaying = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replaying.add(get(engine.createQueue(CreateQueueRequest.of("replay-" + i + ".fifo",
                    Map.of("FifoQueue", "true", "VisibilityTimeout", "43200")))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        Callable<Void> subscriber = () -> {
            for (int i = 0; i < replaying.size(); i++) {
                String q = replaying.get(i);
                while (sequenceOf.size() < (i + 1) * 250 && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // subscribe while the publishers are busy, with an archive to replay
                }
                String sub = get(engine.subscribe(SubscribeRequest.sqs(topic, arn(q), Map.of("ReplayPolicy",
                        "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"" + startingPoint + "\"}",
                        "RawMessageDelivery", "true"))));
                assertThat(get(engine.getSubscriptionAttributes(sub))).containsEntry("ReplayStatus", "Completed");
            }
            return null;
        };
        List<Callable<Void>> all = new ArrayList<>(publishers);
        all.add(subscriber);
        runAll(all);

        Map<String, List<String>> expected = new HashMap<>();
        sequenceOf.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> expected.computeIfAbsent(groupOf.get(e.getKey()), g -> new ArrayList<>())
                        .add(e.getKey()));
        for (String q : replaying) {
            Map<String, List<String>> seen = new HashMap<>();
            for (Message m : drainFifo(q)) {
                seen.computeIfAbsent(m.attributes().get("MessageGroupId"), g -> new ArrayList<>()).add(m.body());
            }
            assertThat(seen).as("archive then live, in order, in %s", q).isEqualTo(expected);
        }
    }

    // ---- helpers ----

    private void runAll(List<Callable<Void>> work) throws Exception {
        List<Future<Void>> running = new ArrayList<>();
        for (Callable<Void> w : work) {
            running.add(threads.submit(w));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (Future<Void> f : running) {
            try {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            } catch (TimeoutException e) {
                fail("a worker did not finish within " + WAIT_SECONDS + " s");
            }
        }
    }

    private String arn(String queueUrl) throws Exception {
        return get(engine.getQueueAttributes(queueUrl, List.of("QueueArn"))).get("QueueArn");
    }

    /** Receives until the queue is empty; the visibility timeout is long, so nothing is received twice by expiry. */
    private List<Message> receiveAll(String queueUrl) throws Exception {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> got = get(engine.receiveMessage(ReceiveMessageRequest.of(queueUrl)
                    .withMaxNumberOfMessages(10))).messages();
            if (got.isEmpty()) {
                break;
            }
            all.addAll(got);
        }
        assertThat(get(engine.getQueueAttributes(queueUrl, List.of("ApproximateNumberOfMessages")))
                .get("ApproximateNumberOfMessages")).isEqualTo("0");
        return all;
    }

    /** Receives and deletes until a FIFO queue is empty, so each group unlocks its next messages. */
    private List<Message> drainFifo(String queueUrl) throws Exception {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> got = get(engine.receiveMessage(ReceiveMessageRequest.of(queueUrl)
                    .withMaxNumberOfMessages(10).withMessageSystemAttributeNames("MessageGroupId"))).messages();
            if (got.isEmpty()) {
                break;
            }
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (int i = 0; i < got.size(); i++) {
                deletes.add(new DeleteMessageBatchRequestEntry("d" + i, got.get(i).receiptHandle()));
            }
            assertThat(get(engine.deleteMessageBatch(queueUrl, deletes)).failed()).isEmpty();
            all.addAll(got);
        }
        assertThat(get(engine.getQueueAttributes(queueUrl, List.of("ApproximateNumberOfMessages",
                "ApproximateNumberOfMessagesNotVisible")))).containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
        return all;
    }

    private static JsonNode envelope(Message m) {
        try {
            return JSON.readTree(m.body());
        } catch (IOException e) {
            throw new AssertionError("not an SNS envelope: " + m.body(), e);
        }
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
