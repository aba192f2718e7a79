package io.ferrymq.engine.local;

import io.ferrymq.engine.MessageFilter;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads against the capabilities beyond SQS, on a clock that never moves: no lease ever lapses and no long
 * poll ever times out, so a message left in flight is a message the engine stranded, and every wait is bounded so a
 * lost wake-up fails rather than hangs.
 */
class CapabilitiesStressTest {
    private final ManualTimeSource frozen = new ManualTimeSource();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private ExecutorService threads;
    private ExecutorService deliveries;
    private LocalEngine engine;

    @BeforeEach
    void start() {
        threads = Executors.newCachedThreadPool();
        deliveries = Executors.newFixedThreadPool(2);
        engine = LocalEngine.builder().timeSource(frozen).deliveryExecutor(this::deliverLate).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).as("worker threads stop").isTrue();
        engine.close();
        deliveries.shutdownNow();
    }

    /**
     * Receivers long-poll and cancel at random moments while senders keep sending, so cancels race the hand-over
     * of messages. A cancel that wins must leave its messages visible and uncounted; one that loses gets them.
     */
    @Test
    void cancelledReceivesRacingSendsStrandNothingInFlight() throws Exception {
        String queue = get(engine.createQueue(CreateQueueRequest.of("racing")));
        int producers = 2;
        int perProducer = 1_500;
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            workers.add(() -> {
                for (int i = 0; i < perProducer; i++) {
                    get(engine.sendMessage(SendMessageRequest.of(queue, producer + ":" + i)));
                }
                return null;
            });
        }
        for (int r = 0; r < 4; r++) {
            workers.add(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (sending.get()) {
                    CompletableFuture<ReceiveMessageResult> f = engine.receiveMessage(ReceiveMessageRequest.of(queue)
                            .withMaxNumberOfMessages(random.nextInt(1, 4)).withWaitTimeSeconds(20)
                            .withMessageSystemAttributeNames("ApproximateReceiveCount"));
                    for (int spin = random.nextInt(5_000); spin > 0 && !f.isDone(); spin--) {
                        Thread.onSpinWait();
                    }
                    if (!f.cancel(false)) { // it answered first: the messages are this receiver's
                        for (Message m : get(f).messages()) {
                            check(received.add(m.body()), "received twice: " + m.body());
                            check(m.receiveCount() == 1, m.body() + " counts a cancelled receive");
                            get(engine.deleteMessage(queue, m.receiptHandle()));
                        }
                    }
                }
                return null;
            });
        }
        runAll(workers.subList(producers, workers.size()), workers.subList(0, producers), sending);
        settle();

        assertThat(problems).isEmpty();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).as("stranded in flight").isZero();
        List<Message> left = drain(queue);
        assertThat(left).as("a cancelled receive's lease does not count")
                .allSatisfy(m -> assertThat(m.receiveCount()).isEqualTo(1));
        Set<String> all = ConcurrentHashMap.newKeySet();
        all.addAll(received);
        left.forEach(m -> assertThat(all.add(m.body())).as("received and still there: %s", m.body()).isTrue());
        assertThat(all).hasSize(producers * perProducer);
    }

    /**
     * Selective receivers with different filters and plain receivers share one queue. Each long-polls for a moment
     * and cancels, so the filtered waits keep coming and going while messages arrive. Every message must be taken
     * exactly once, by a receiver whose filter accepts it, and never leased twice.
     */
    @Test
    void selectiveAndPlainReceiversTogetherTakeEveryMessageExactlyOnce() throws Exception {
        String queue = get(engine.createQueue(CreateQueueRequest.of("mixed")));
        int total = 3_000;
        Map<String, MessageFilter> receivers = Map.of(
                "red-1", colored("red"), "red-2", colored("red"), "blue", colored("blue"),
                "red-or-green", m -> List.of("red", "green").contains(color(m)), "plain-1", m -> true);
        Map<String, String> takenBy = new ConcurrentHashMap<>();
        AtomicInteger taken = new AtomicInteger();
        List<Callable<Void>> producers = List.of(sender(queue, 0, total / 2, null),
                sender(queue, total / 2, total, null));
        List<Callable<Void>> consumers = new ArrayList<>();
        receivers.forEach((name, filter) -> consumers.add(() -> {
            MessageFilter asked = name.startsWith("plain") ? null : filter;
            while (taken.get() < total) {
                for (Message m : pollBriefly(queue, asked)) {
                    check(filter.accepts(m), name + " took " + m.body() + " (" + color(m) + ")");
                    check(takenBy.putIfAbsent(m.body(), name) == null, m.body() + " taken twice");
                    check(m.receiveCount() == 1, m.body() + " was leased before");
                    get(engine.deleteMessage(queue, m.receiptHandle()));
                    taken.incrementAndGet();
                }
            }
            return null;
        }));
        runAll(consumers, producers, new AtomicBoolean());

        assertThat(problems).isEmpty();
        assertThat(takenBy).hasSize(total);
        assertThat(takenBy.values()).as("the filtered receivers got their share").contains("red-1", "red-2", "blue");
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    /** The same on a FIFO queue, where each group must also be taken in order, one receiver at a time. */
    @Test
    void selectiveAndPlainReceiversKeepFifoGroupOrder() throws Exception {
        String queue = get(engine.createQueue(CreateQueueRequest.of("mixed.fifo",
                Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"))));
        int total = 2_000;
        Map<String, MessageFilter> receivers = Map.of("red", colored("red"), "blue", colored("blue"),
                "plain-1", m -> true, "plain-2", m -> true);
        Map<String, Integer> nextInGroup = new ConcurrentHashMap<>();
        for (int g = 0; g < 8; g++) { // the sender puts body i into group i % 8, in order
            nextInGroup.put("a" + g, g);
            nextInGroup.put("b" + g, total / 2 + g);
        }
        AtomicInteger taken = new AtomicInteger();
        List<Callable<Void>> producers = List.of(sender(queue, 0, total / 2, "a"), sender(queue, total / 2, total, "b"));
        List<Callable<Void>> consumers = new ArrayList<>();
        receivers.forEach((name, filter) -> consumers.add(() -> {
            MessageFilter asked = name.startsWith("plain") ? null : filter;
            while (taken.get() < total) {
                List<Message> got = pollBriefly(queue, asked);
                for (Message m : got) {
                    check(filter.accepts(m), name + " took " + m.body() + " (" + color(m) + ")");
                    String group = m.attributes().get("MessageGroupId");
                    int index = Integer.parseInt(m.body());
                    Integer expected = nextInGroup.put(group, index + 8);
                    check(expected != null && index == expected, group + " delivered " + index + " when "
                            + expected + " was next");
                }
                for (Message m : got) { // in order, so the group is not released before its last message
                    get(engine.deleteMessage(queue, m.receiptHandle()));
                    taken.incrementAndGet();
                }
            }
            return null;
        }));
        runAll(consumers, producers, new AtomicBoolean());

        assertThat(problems).isEmpty();
        assertThat(taken.get()).isEqualTo(total);
        assertThat(nextInGroup).hasSize(16).allSatisfy((group, next) -> assertThat(next)
                .isBetween(total / 2 * (group.startsWith("a") ? 1 : 2), total / 2 * (group.startsWith("a") ? 1 : 2) + 8));
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    // ---- helpers ----

    private static final String[] COLORS = {"red", "blue", "green"};

    /** Sends bodies from..to-1 colored in turn; on a FIFO queue into eight groups named by prefix. */
    private Callable<Void> sender(String queue, int from, int to, String groupPrefix) {
        return () -> {
            for (int i = from; i < to; i++) {
                SendMessageRequest send = SendMessageRequest.of(queue, Integer.toString(i)).withMessageAttributes(
                        Map.of("color", MessageAttributeValue.string(COLORS[i % COLORS.length])));
                if (groupPrefix != null) {
                    send = send.withMessageGroupId(groupPrefix + (i % 8));
                }
                get(engine.sendMessage(send));
            }
            return null;
        };
    }

    /** A long poll given a moment (wall clock; the engine's clock never moves), then withdrawn. */
    private List<Message> pollBriefly(String queue, MessageFilter filter) {
        ReceiveMessageRequest request = ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(
                ThreadLocalRandom.current().nextInt(1, 6)).withWaitTimeSeconds(20)
                .withMessageAttributeNames("All").withMessageSystemAttributeNames("All");
        CompletableFuture<ReceiveMessageResult> f = filter == null ? engine.receiveMessage(request)
                : engine.receiveMessage(request, filter);
        try {
            return f.get(20, TimeUnit.MILLISECONDS).messages();
        } catch (java.util.concurrent.TimeoutException e) {
            return f.cancel(false) ? List.of() : get(f).messages();
        } catch (Exception e) {
            throw new AssertionError("receive failed: " + e, e);
        }
    }

    private static MessageFilter colored(String color) {
        return m -> color.equals(color(m));
    }

    private static String color(Message m) {
        MessageAttributeValue v = m.messageAttributes().get("color");
        return v == null ? null : v.stringValue();
    }

    /** Completes waiting receives a moment late, so that cancels often land between hand-over and completion. */
    private void deliverLate(Runnable completion) {
        deliveries.execute(() -> {
            for (int spin = ThreadLocalRandom.current().nextInt(20_000); spin > 0; spin--) {
                Thread.onSpinWait();
            }
            completion.run();
        });
    }

    /** Lets every completion the engine queued run (and the releases of lost races with them). */
    private void settle() throws InterruptedException {
        deliveries.shutdown(); // the engine runs later completions inline
        assertThat(deliveries.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>();
        List<Message> got;
        while (!(got = get(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(10)
                .withMessageSystemAttributeNames("All"))).messages()).isEmpty()) {
            all.addAll(got);
        }
        return all;
    }

    private int attribute(String queue, String name) {
        return Integer.parseInt(get(engine.getQueueAttributes(queue, List.of(name))).get(name));
    }

    private void check(boolean ok, String problem) {
        if (!ok && problems.size() < 20) {
            problems.add(problem);
        }
    }

    /** Runs consumers and producers together; once the producers are done, tells the consumers to stop. */
    private void runAll(List<Callable<Void>> consumers, List<Callable<Void>> producers, AtomicBoolean running)
            throws Exception {
        List<Future<Void>> started = new ArrayList<>();
        consumers.forEach(c -> started.add(threads.submit(c)));
        List<Future<Void>> producing = new ArrayList<>();
        producers.forEach(p -> producing.add(threads.submit(p)));
        for (Future<Void> f : producing) {
            f.get(30, TimeUnit.SECONDS);
        }
        running.set(false);
        for (Future<Void> f : started) {
            f.get(30, TimeUnit.SECONDS);
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
