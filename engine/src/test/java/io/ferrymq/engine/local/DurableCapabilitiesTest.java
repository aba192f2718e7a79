package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.BrowseRequest;
import io.ferrymq.engine.sqs.BrowseResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The capabilities beyond SQS with a data directory: what they change is journaled, and only that. */
class DurableCapabilitiesTest extends DurableEngineFixture {
    private static final String FIRST_RECEIVE = "ApproximateFirstReceiveTimestamp";

    @Test
    void aReleaseIsJournaledSoTheMessageIsVisibleWithItsEarlierCountAfterARestart() {
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "300"));
        send(queue, "job");
        Message first = receiveOne(queue);
        clock.advanceSeconds(300);
        Message second = receiveOne(queue);
        await(engine.releaseMessages(queue, List.of(second.receiptHandle())));

        restart();

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        Message again = receiveOne(queue);
        assertThat(again.receiveCount()).isEqualTo(2);
        assertThat(again.attributes().get(FIRST_RECEIVE)).isEqualTo(first.attributes().get(FIRST_RECEIVE));
    }

    @Test
    void aReleasedFifoGroupIsAvailableAfterARestart() {
        String fifo = createQueue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true",
                "VisibilityTimeout", "300"));
        await(engine.sendMessage(SendMessageRequest.of(fifo, "a").withMessageGroupId("g")));
        await(engine.sendMessage(SendMessageRequest.of(fifo, "b").withMessageGroupId("g")));
        await(engine.releaseMessages(fifo, receive(fifo, 10).stream().map(Message::receiptHandle).toList()));

        restart();

        assertThat(receive(fifo, 10)).extracting(Message::body, Message::receiveCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", 1));
    }

    @Test
    void aBrowseWritesNothing() {
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "300"));
        send(queue, "a");
        send(queue, "b");
        receiveOne(queue);
        List<String> before = journalRecords();

        BrowseResult page = await(engine.browseMessages(BrowseRequest.of(queue)));
        await(engine.browseMessages(BrowseRequest.of(queue).withMaxNumberOfMessages(1)));

        assertThat(journalRecords()).isEqualTo(before);
        assertThat(page.messages()).extracting(Message::body).containsExactly("b");
    }

    @Test
    void theJournalSnapshotSeesAReceiveSoItWouldSeeABrowseThatWrote() {
        String queue = createQueue("orders");
        send(queue, "a");
        List<String> before = journalRecords();

        receiveOne(queue);

        assertThat(journalRecords()).isNotEqualTo(before);
    }

    /** The journal's live records, read with the engine stopped (then started again). */
    private List<String> journalRecords() {
        engine.close();
        JournalStorage journal = JournalStorage.open(dataDir, JournalStorage.Fsync.ALWAYS, Runnable::run);
        try {
            return journal.recovered().stream().map(r -> r.id + "/" + r.userRecordType + "/" + r.isUpdate + "/"
                    + java.util.Arrays.toString(r.data)).toList();
        } finally {
            journal.close();
            engine = open();
        }
    }

    /**
     * By default a receive answers before its lease is on disk, and the next change made with its receipt handle
     * answers only once that lease is durable too: after a restart the receive is counted.
     */
    @Test
    void byDefaultAReceiveAnswersAtOnceAndALaterChangeMakesItsLeaseDurable() {
        LinkedBlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).dataDir(dataDir).deliveryExecutor(callbacks::add).build();
        String queue = pump(callbacks, engine.createQueue(
                io.ferrymq.engine.sqs.CreateQueueRequest.of("orders", Map.of("VisibilityTimeout", "300"))));
        pump(callbacks, engine.sendMessage(SendMessageRequest.of(queue, "job")));

        CompletableFuture<ReceiveMessageResult> receiving = engine.receiveMessage(ReceiveMessageRequest.of(queue));
        assertThat(receiving).as("answered without waiting for the disk").isDone();
        String handle = receiving.join().messages().get(0).receiptHandle();
        CompletableFuture<Void> released = engine.changeMessageVisibility(queue, handle, 0);
        assertThat(released).as("a change waits for the disk").isNotDone();
        pump(callbacks, released);

        engine.close();
        engine = open();
        List<Message> again = await(engine.receiveMessage(ReceiveMessageRequest.of(queue)
                .withMessageSystemAttributeNames("All"))).messages();
        assertThat(again).singleElement().satisfies(m -> assertThat(m.receiveCount()).isEqualTo(2));
    }

    /**
     * An unsynced delete answers once written, without a sync; the next synced change takes it to the disk, so after
     * a restart the message is gone. The ordinary delete still waits for the disk.
     */
    @Test
    void anUnsyncedDeleteAnswersAtOnceAndTheNextSyncedChangeMakesItDurable() {
        LinkedBlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).dataDir(dataDir).deliveryExecutor(callbacks::add).build();
        String queue = pump(callbacks, engine.createQueue(
                io.ferrymq.engine.sqs.CreateQueueRequest.of("orders", Map.of("VisibilityTimeout", "300"))));
        pump(callbacks, engine.sendMessage(SendMessageRequest.of(queue, "done")));
        pump(callbacks, engine.sendMessage(SendMessageRequest.of(queue, "kept")));
        List<Message> got = pump(callbacks, engine.receiveMessage(ReceiveMessageRequest.of(queue)
                .withMaxNumberOfMessages(10))).messages();
        Message done = got.stream().filter(m -> m.body().equals("done")).findFirst().orElseThrow();
        Message kept = got.stream().filter(m -> m.body().equals("kept")).findFirst().orElseThrow();

        CompletableFuture<BatchResult<String>> deleted = engine.deleteMessageBatchUnsynced(queue,
                List.of(new DeleteMessageBatchRequestEntry("1", done.receiptHandle())));
        assertThat(deleted).as("answered without waiting for the disk").isDone();
        assertThat(deleted.join().successful()).containsExactly("1");
        CompletableFuture<Void> released = engine.changeMessageVisibility(queue, kept.receiptHandle(), 0);
        assertThat(released).as("a synced change waits for the disk").isNotDone();
        pump(callbacks, released);

        engine.close();
        engine = open();
        assertThat(await(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(10)))
                .messages()).extracting(Message::body).containsExactly("kept");
    }

    /**
     * With receivesWaitForLeases a durable receive answers once its lease is on disk; cancelled before that, its future can no longer be
     * withdrawn from the queue, so the lease it took is released instead.
     */
    @Test
    void aReceiveCancelledWhileItsLeaseIsBeingStoredReleasesIt() {
        LinkedBlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).dataDir(dataDir).deliveryExecutor(callbacks::add)
                .receivesWaitForLeases(true).build();
        String queue = pump(callbacks, engine.createQueue(
                io.ferrymq.engine.sqs.CreateQueueRequest.of("orders", Map.of("VisibilityTimeout", "300"))));
        pump(callbacks, engine.sendMessage(SendMessageRequest.of(queue, "job")));

        CompletableFuture<ReceiveMessageResult> receiving = engine.receiveMessage(ReceiveMessageRequest.of(queue));
        assertThat(receiving).as("its lease is not on disk yet").isNotDone();
        assertThat(receiving.cancel(false)).isTrue();

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        List<Message> again = pump(callbacks, engine.receiveMessage(ReceiveMessageRequest.of(queue)
                .withMessageSystemAttributeNames("All"))).messages();
        assertThat(again).singleElement().satisfies(m -> assertThat(m.receiveCount()).isEqualTo(1));
    }

    /** Runs the engine's queued completions until {@code future} is done. */
    private static <T> T pump(LinkedBlockingQueue<Runnable> callbacks, CompletableFuture<T> future) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!future.isDone() && System.nanoTime() < deadline) {
                Runnable next = callbacks.poll(10, TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return await(future);
    }
}
