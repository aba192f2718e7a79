package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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

    // ---- helpers ----

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
