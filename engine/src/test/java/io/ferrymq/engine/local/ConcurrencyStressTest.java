package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Many threads against the real-clock engine. Visibility timeouts are long, so a message seen twice, or by two
 * consumers at once, is an engine bug, not an expiry. Every wait is bounded: a lost wake-up fails, never hangs.
 */
class ConcurrencyStressTest {
    private static final long TEST_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(25);
    private static final String LONG_VISIBILITY = "43200";

    private LocalEngine engine;
    private ExecutorService threads;
    private long deadline;
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        engine = LocalEngine.create();
        threads = Executors.newCachedThreadPool();
        deadline = System.nanoTime() + TEST_BUDGET_NANOS;
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).as("worker threads stop").isTrue();
        engine.close();
    }

    // ---- standard queue ----

    @Test
    void everyMessageIsReceivedExactlyOnceByOneConsumerAndDeleted() throws Exception {
        int producers = 8;
        int perProducer = 12_500;
        int total = producers * perProducer;
        String queue = get(engine.createQueue(CreateQueueRequest.of("stress",
                Map.of("VisibilityTimeout", LONG_VISIBILITY))));
        Set<String> sentIds = ConcurrentHashMap.newKeySet();
        Set<String> receivedBodies = ConcurrentHashMap.newKeySet();
        Map<String, Integer> holders = new ConcurrentHashMap<>();
        AtomicInteger deleted = new AtomicInteger();

        List<Callable<Void>> workers = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            workers.add(() -> {
                for (int i = 0; i < perProducer; i += 10) {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int j = i; j < i + 10; j++) {
                        entries.add(SendMessageBatchRequestEntry.of("e" + j, "p" + producer + "-" + j));
                    }
                    BatchResult<SendMessageBatchResultEntry> r = get(engine.sendMessageBatch(
                            new SendMessageBatchRequest(queue, entries)));
                    check(r.failed().isEmpty(), "send failed: " + r.failed());
                    r.successful().forEach(e -> sentIds.add(e.messageId()));
                }
                return null;
            });
        }
        for (int c = 0; c < 8; c++) {
            int consumer = c;
            workers.add(() -> {
                while (deleted.get() < total && beforeDeadline()) {
                    List<Message> batch = longPoll(queue);
                    for (Message m : batch) {
                        check(receivedBodies.add(m.body()), "received twice: " + m.body());
                        Integer other = holders.putIfAbsent(m.messageId(), consumer);
                        check(other == null, m.messageId() + " held by consumers " + other + " and " + consumer);
                    }
                    if (!batch.isEmpty()) {
                        deleteAll(queue, batch);
                        batch.forEach(m -> holders.remove(m.messageId(), consumer));
                        deleted.addAndGet(batch.size());
                    }
                }
                return null;
            });
        }
        runAll(workers);

        assertThat(problems).isEmpty();
        assertThat(sentIds).hasSize(total);
        assertThat(receivedBodies).hasSize(total);
        assertThat(deleted.get()).isEqualTo(total);
        assertEmpty(queue);
    }

    // ---- FIFO queue ----

    @Test
    void fifoDeliversEachGroupInOrderToOneConsumerAtATime() throws Exception {
        int groups = 24;
        int perGroup = 400;
        int producers = 4;
        int total = groups * perGroup;
        String queue = get(engine.createQueue(CreateQueueRequest.of("stress.fifo",
                Map.of("FifoQueue", "true", "VisibilityTimeout", LONG_VISIBILITY))));
        Map<String, Holder> holders = new ConcurrentHashMap<>();
        Map<String, Integer> nextIndex = new ConcurrentHashMap<>();
        AtomicInteger deleted = new AtomicInteger();

        List<Callable<Void>> workers = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            workers.add(() -> { // this producer owns groups p, p + producers, ...; it sends each group in order
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < perGroup; i++) {
                    for (int g = producer; g < groups; g += producers) {
                        String body = "g" + g + ":" + i;
                        entries.add(new SendMessageBatchRequestEntry("e" + entries.size(), body, null, Map.of(),
                                Map.of(), body, "g" + g));
                        if (entries.size() == 10) {
                            sendFifo(queue, entries);
                            entries.clear();
                        }
                    }
                }
                if (!entries.isEmpty()) {
                    sendFifo(queue, entries);
                }
                return null;
            });
        }
        for (int c = 0; c < 6; c++) {
            int consumer = c;
            workers.add(() -> {
                while (deleted.get() < total && beforeDeadline()) {
                    List<Message> batch = longPoll(queue);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    Map<String, Holder> mine = new LinkedHashMap<>();
                    for (Message m : batch) {
                        String group = m.attributes().get("MessageGroupId");
                        if (!mine.containsKey(group)) {
                            Holder h = new Holder(consumer);
                            mine.put(group, h);
                            Holder previous = holders.put(group, h);
                            check(previous == null || previous.releasing.get(), "group " + group
                                    + " held by consumers " + (previous == null ? -1 : previous.consumer)
                                    + " and " + consumer);
                        }
                        int index = Integer.parseInt(m.body().substring(m.body().indexOf(':') + 1));
                        Integer expected = nextIndex.put(group, index + 1);
                        check(index == (expected == null ? 0 : expected), "group " + group + " delivered "
                                + m.body() + " when " + expected + " was next");
                    }
                    mine.values().forEach(h -> h.releasing.set(true)); // from here on the next holder may come
                    deleteAll(queue, batch);
                    mine.forEach(holders::remove);
                    deleted.addAndGet(batch.size());
                }
                return null;
            });
        }
        runAll(workers);

        assertThat(problems).isEmpty();
        assertThat(deleted.get()).isEqualTo(total);
        assertThat(nextIndex).hasSize(groups).allSatisfy((group, next) -> assertThat(next).isEqualTo(perGroup));
        assertEmpty(queue);
    }

    /** Who holds a FIFO group; {@code releasing} is set just before the holder deletes its messages. */
    private record Holder(int consumer, AtomicBoolean releasing) {
        Holder(int consumer) {
            this(consumer, new AtomicBoolean());
        }
    }

    private void sendFifo(String queue, List<SendMessageBatchRequestEntry> entries) {
        BatchResult<SendMessageBatchResultEntry> r = get(engine.sendMessageBatch(
                new SendMessageBatchRequest(queue, List.copyOf(entries))));
        check(r.failed().isEmpty(), "send failed: " + r.failed());
    }

    // ---- several queues, dead-lettering across them ----

    @Test
    void severalSourceQueuesDeadLetterConcurrentlyIntoOneDlq() throws Exception {
        int sources = 4;
        int perSource = 3_000;
        int total = sources * perSource;
        String dlq = get(engine.createQueue(CreateQueueRequest.of("shared-dlq",
                Map.of("VisibilityTimeout", LONG_VISIBILITY))));
        String dlqArn = get(engine.getQueueAttributes(dlq, List.of("QueueArn"))).get("QueueArn");
        List<String> queues = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            // VisibilityTimeout 0: a received message is visible again at once, and the next receive dead-letters it.
            String q = get(engine.createQueue(CreateQueueRequest.of("source-" + s, Map.of("VisibilityTimeout", "0",
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"))));
            queues.add(q);
            arns.add(get(engine.getQueueAttributes(q, List.of("QueueArn"))).get("QueueArn"));
        }
        Set<String> receivedFromSource = ConcurrentHashMap.newKeySet();
        Set<String> receivedFromDlq = ConcurrentHashMap.newKeySet();
        AtomicInteger deadDeleted = new AtomicInteger();

        List<Callable<Void>> workers = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            int source = s;
            workers.add(() -> {
                for (int i = 0; i < perSource; i += 10) {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int j = i; j < i + 10; j++) {
                        entries.add(SendMessageBatchRequestEntry.of("e" + j, source + ":" + j));
                    }
                    check(get(engine.sendMessageBatch(new SendMessageBatchRequest(queues.get(source), entries)))
                            .failed().isEmpty(), "send failed");
                }
                return null;
            });
        }
        for (int c = 0; c < 4; c++) {
            int first = c;
            workers.add(() -> { // receives from every source in turn, never deletes
                for (int round = first; deadDeleted.get() < total && beforeDeadline(); round++) {
                    for (Message m : receive(queues.get(round % sources), 0)) {
                        check(receivedFromSource.add(m.body()), "received twice from its source: " + m.body());
                    }
                }
                return null;
            });
        }
        for (int c = 0; c < 4; c++) {
            workers.add(() -> {
                while (deadDeleted.get() < total && beforeDeadline()) {
                    List<Message> batch = longPoll(dlq);
                    for (Message m : batch) {
                        check(receivedFromDlq.add(m.body()), "received twice from the DLQ: " + m.body());
                        int source = Integer.parseInt(m.body().substring(0, m.body().indexOf(':')));
                        check(arns.get(source).equals(m.attributes().get("DeadLetterQueueSourceArn")),
                                m.body() + " names source " + m.attributes().get("DeadLetterQueueSourceArn"));
                        check(m.receiveCount() == 2, m.body() + " has receive count " + m.receiveCount());
                    }
                    if (!batch.isEmpty()) {
                        deleteAll(dlq, batch);
                        deadDeleted.addAndGet(batch.size());
                    }
                }
                return null;
            });
        }
        runAll(workers);

        assertThat(problems).isEmpty();
        assertThat(receivedFromSource).hasSize(total);
        assertThat(receivedFromDlq).hasSize(total);
        assertEmpty(dlq);
        for (String q : queues) {
            assertEmpty(q);
        }
    }

    // ---- wake-ups, on a clock that never moves ----

    /**
     * On a frozen clock a waiting receive ends only when a send or a delete wakes it, never at its deadline. There
     * are exactly as many receives as messages, so every receive must get one: a lost wake-up shows as a timeout.
     */
    @Test
    void everyLongPollIsWokenBySendsFromOtherThreads() throws Exception {
        try (LocalEngine frozen = LocalEngine.builder().timeSource(new ManualTimeSource()).build()) {
            String queue = get(frozen.createQueue(CreateQueueRequest.of("wake")));
            int consumers = 8;
            int perConsumer = 1_000;
            Set<String> received = ConcurrentHashMap.newKeySet();
            List<Callable<Void>> workers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int producer = p;
                workers.add(() -> {
                    for (int i = 0; i < consumers * perConsumer / 4; i++) {
                        get(frozen.sendMessage(SendMessageRequest.of(queue, producer + ":" + i)));
                    }
                    return null;
                });
            }
            for (int c = 0; c < consumers; c++) {
                workers.add(() -> {
                    for (int i = 0; i < perConsumer && beforeDeadline(); i++) {
                        Message m = waitForOne(frozen, queue);
                        if (m == null) {
                            return null;
                        }
                        check(received.add(m.body()), "received twice: " + m.body());
                        get(frozen.deleteMessage(queue, m.receiptHandle()));
                    }
                    return null;
                });
            }
            runAll(workers);

            assertThat(problems).isEmpty();
            assertThat(received).hasSize(consumers * perConsumer);
        }
    }

    /** The same for a FIFO queue, where a waiting receive is woken by the delete that releases a group. */
    @Test
    void everyFifoLongPollIsWokenWhenAGroupIsReleased() throws Exception {
        try (LocalEngine frozen = LocalEngine.builder().timeSource(new ManualTimeSource()).build()) {
            String queue = get(frozen.createQueue(CreateQueueRequest.of("wake.fifo", Map.of("FifoQueue", "true"))));
            int groups = 3;
            int perGroup = 600;
            int consumers = 6;
            Map<String, Integer> nextIndex = new ConcurrentHashMap<>();
            List<Callable<Void>> workers = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                String group = "g" + g;
                workers.add(() -> {
                    for (int i = 0; i < perGroup; i++) {
                        get(frozen.sendMessage(SendMessageRequest.of(queue, group + ":" + i)
                                .withMessageGroupId(group).withMessageDeduplicationId(group + ":" + i)));
                    }
                    return null;
                });
            }
            runAll(workers); // all sent first: from here on only deletes can release a group
            workers.clear();
            for (int c = 0; c < consumers; c++) {
                workers.add(() -> {
                    for (int i = 0; i < groups * perGroup / consumers && beforeDeadline(); i++) {
                        Message m = waitForOne(frozen, queue);
                        if (m == null) {
                            return null;
                        }
                        String group = m.body().substring(0, m.body().indexOf(':'));
                        int index = Integer.parseInt(m.body().substring(m.body().indexOf(':') + 1));
                        Integer expected = nextIndex.put(group, index + 1);
                        check(index == (expected == null ? 0 : expected), m.body() + " when " + expected + " was next");
                        get(frozen.deleteMessage(queue, m.receiptHandle()));
                    }
                    return null;
                });
            }
            runAll(workers);

            assertThat(problems).isEmpty();
            assertThat(nextIndex).hasSize(groups).allSatisfy((g, next) -> assertThat(next).isEqualTo(perGroup));
        }
    }

    /** One message from a 20-second long poll, or null (and a problem noted) when none came within 10 s. */
    private Message waitForOne(LocalEngine on, String queue) {
        CompletableFuture<ReceiveMessageResult> f = on.receiveMessage(ReceiveMessageRequest.of(queue)
                .withWaitTimeSeconds(20).withMessageSystemAttributeNames("All"));
        try {
            List<Message> got = f.get(10, TimeUnit.SECONDS).messages();
            check(got.size() == 1, "a long poll on a frozen clock returned " + got.size() + " messages");
            return got.isEmpty() ? null : got.get(0);
        } catch (TimeoutException e) {
            check(false, "a long poll was never woken (lost wake-up)");
            return null;
        } catch (Exception e) {
            check(false, "receive failed: " + e);
            return null;
        }
    }

    // ---- helpers ----

    private List<Message> longPoll(String queue) {
        return receive(queue, 1);
    }

    private List<Message> receive(String queue, int waitSeconds) {
        return get(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(10)
                .withWaitTimeSeconds(waitSeconds).withMessageSystemAttributeNames("All"))).messages();
    }

    private void deleteAll(String queue, List<Message> batch) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(new DeleteMessageBatchRequestEntry("d" + i, batch.get(i).receiptHandle()));
        }
        BatchResult<String> r = get(engine.deleteMessageBatch(queue, entries));
        check(r.failed().isEmpty() && r.successful().size() == batch.size(), "delete failed: " + r.failed());
    }

    private void assertEmpty(String queue) {
        assertThat(get(engine.getQueueAttributes(queue, List.of("All"))))
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "0");
    }

    private void check(boolean ok, String problem) {
        if (!ok && problems.size() < 20) {
            problems.add(problem);
        }
    }

    private boolean beforeDeadline() {
        return System.nanoTime() < deadline;
    }

    /** Runs the workers together and waits for all of them, failing at the test's deadline. */
    private void runAll(List<Callable<Void>> workers) throws Exception {
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> w : workers) {
            futures.add(threads.submit(w));
        }
        for (Future<Void> f : futures) {
            // Workers stop at the deadline by themselves; the grace covers a last long poll.
            f.get(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
        }
        if (!beforeDeadline()) {
            fail("the workers did not finish within the time budget; problems so far: " + problems);
        }
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the engine did not answer: " + e, e);
        }
    }
}
