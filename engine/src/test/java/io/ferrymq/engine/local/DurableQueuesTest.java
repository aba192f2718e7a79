package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.apache.activemq.artemis.core.journal.RecordInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queues and messages in a data directory outlive the engine: each test stops it and starts another on the dir. */
class DurableQueuesTest extends DurableEngineFixture {
    @Test
    void aSentMessageIsThereAfterARestartWithItsIdBodyAttributesAndDigests() {
        String queue = createQueue("orders");
        var sent = await(engine.sendMessage(SendMessageRequest.of(queue, "order 1").withMessageAttributes(Map.of(
                "customer", MessageAttributeValue.string("acme"), "photo", MessageAttributeValue.binary(new byte[] {1, 2})))));

        restart();

        Message m = receiveOne(queue);
        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.body()).isEqualTo("order 1");
        assertThat(m.messageAttributes()).containsEntry("customer", MessageAttributeValue.string("acme"))
                .containsEntry("photo", MessageAttributeValue.binary(new byte[] {1, 2}));
        assertThat(m.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(engine.recovery().queues()).isEqualTo(1);
        assertThat(engine.recovery().messages()).isEqualTo(1);
    }

    @Test
    void aMessageInFlightStaysInFlightAcrossARestartAndItsReceiptHandleStillDeletesIt() {
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "60"));
        send(queue, "work");
        Message leased = receiveOne(queue);

        restart();

        assertThat(receive(queue, 10)).isEmpty();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
        await(engine.deleteMessage(queue, leased.receiptHandle()));
        clock.advanceSeconds(61);
        assertThat(receive(queue, 10)).isEmpty();
    }

    @Test
    void receiveCountsDoNotGoDownAcrossRestartsSoMaxReceiveCountStillHolds() {
        String dlq = createQueue("orders-dlq");
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":2}"));
        send(queue, "poison");
        assertThat(receiveOne(queue).receiveCount()).isEqualTo(1);
        restart();
        clock.advanceSeconds(10);
        assertThat(receiveOne(queue).receiveCount()).isEqualTo(2);
        restart();
        clock.advanceSeconds(10);

        assertThat(receive(queue, 10)).isEmpty();
        restart();
        assertThat(receiveOne(dlq).body()).isEqualTo("poison");
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void aLeaseHandedToAWaitingReceiveIsStoredBeforeTheReceiveAnswers() {
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "60"));
        var waiting = engine.receiveMessage(ReceiveMessageRequest.of(queue).withWaitTimeSeconds(20)
                .withMessageSystemAttributeNames("All"));
        send(queue, "work"); // given to the waiting receive as it becomes available

        assertThat(await(waiting).messages()).singleElement().satisfies(m -> assertThat(m.receiveCount()).isEqualTo(1));
        restart();

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).as("still in flight").isEqualTo(1);
        clock.advanceSeconds(60);
        assertThat(receiveOne(queue).receiveCount()).as("the receive count does not go down").isEqualTo(2);
    }

    @Test
    void aDeadLetterMoveACrashCaughtHalfwayEndsAtRestartSoTheMessageIsNotMovedTwice() {
        String dlq = createQueue("orders-dlq");
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":1}"));
        String sourceArn = arnOf(queue);
        String id = send(queue, "poison");
        receiveOne(queue);
        engine.close();
        // As a crash leaves it after the DLQ stored the message and before the source dropped it: in both.
        JournalStorage journal = JournalStorage.open(dataDir, JournalStorage.Fsync.ALWAYS, Runnable::run);
        Map<Long, Records.QueueRecord> queues = new java.util.HashMap<>();
        StoredMessage inSource = null;
        for (RecordInfo r : journal.recovered()) {
            if (r.userRecordType == Records.QUEUE) {
                queues.put(r.id, Records.queue(r.data));
            } else if (r.userRecordType == Records.MESSAGE) {
                inSource = Records.message(r.data).message();
            } else if (r.userRecordType == Records.LEASE) {
                Records.applyLease(r.data, inSource);
            }
        }
        long dlqRecord = queues.entrySet().stream().filter(e -> e.getValue().name().equals("orders-dlq"))
                .findFirst().orElseThrow().getKey();
        Storage.Batch batch = journal.batch();
        batch.add(journal.newRecordId(), Records.MESSAGE, Records.message(dlqRecord,
                inSource.deadLettered(sourceArn, false, clock.millis(), null)));
        batch.commit().join();
        journal.close();

        engine = open();

        assertThat(engine.recovery().messages()).as("the source's copy is dropped").isEqualTo(1);
        clock.advanceSeconds(10);
        assertThat(receive(queue, 10)).isEmpty();
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(1);
        Message dead = receiveOne(dlq);
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.receiveCount()).isEqualTo(2);
        restart();
        assertThat(engine.recovery().messages()).isEqualTo(1);
    }

    @Test
    void aDeletedMessageDoesNotComeBack() {
        String queue = createQueue("orders");
        send(queue, "done");
        await(engine.deleteMessage(queue, receiveOne(queue).receiptHandle()));

        restart();

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    @Test
    void queueAttributesAndTagsSurviveAndADeletedQueueStaysDeleted() {
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "45"));
        await(engine.setQueueAttributes(queue, Map.of("DelaySeconds", "5")));
        await(engine.tagQueue(queue, Map.of("team", "billing")));
        String gone = createQueue("gone");
        send(gone, "with it");
        await(engine.deleteQueue(gone));

        restart();

        assertThat(await(engine.getQueueAttributes(queue, List.of("All"))))
                .containsEntry("VisibilityTimeout", "45").containsEntry("DelaySeconds", "5");
        assertThat(await(engine.listQueueTags(queue))).containsEntry("team", "billing");
        assertThat(failure(engine.getQueueUrl("gone")).code()).isEqualTo("QueueDoesNotExist");
        assertThat(engine.recovery().messages()).isZero();
    }

    @Test
    void fifoOrderPerGroupHoldsAcrossARestart() {
        String queue = createQueue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        String last = null;
        for (int i = 0; i < 20; i++) {
            last = await(engine.sendMessage(SendMessageRequest.of(queue, "m" + i).withMessageGroupId("g" + (i % 2))))
                    .sequenceNumber();
        }
        restart();

        List<String> g0 = new java.util.ArrayList<>();
        List<String> g1 = new java.util.ArrayList<>();
        for (Message m : drain(queue)) {
            (m.attributes().get("MessageGroupId").equals("g0") ? g0 : g1).add(m.body());
        }
        assertThat(g0).containsExactly("m0", "m2", "m4", "m6", "m8", "m10", "m12", "m14", "m16", "m18");
        assertThat(g1).containsExactly("m1", "m3", "m5", "m7", "m9", "m11", "m13", "m15", "m17", "m19");
        String next = await(engine.sendMessage(SendMessageRequest.of(queue, "after").withMessageGroupId("g0")))
                .sequenceNumber();
        assertThat(new java.math.BigInteger(next)).as("sequence numbers keep growing across restarts")
                .isGreaterThan(new java.math.BigInteger(last));
    }

    @Test
    void aSecondEngineOnTheSameDataDirectoryIsRefusedWithAClearError() {
        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by another engine").hasMessageContaining(dataDir.toString());
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsRefusedWithAClearError() throws Exception {
        Path file = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".txt"), "not a directory");

        assertThatThrownBy(() -> LocalEngine.builder().timeSource(clock).dataDir(file.resolve("ferrymq")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not writable")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMessageMoveTaskStoppedHalfwayResumesAfterARestart() {
        String dlq = createQueue("orders-dlq");
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "0", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":1}"));
        for (int i = 0; i < 4; i++) {
            send(queue, "m" + i);
            receiveOne(queue);
        }
        assertThat(receive(queue, 10)).isEmpty(); // every message went past maxReceiveCount to the DLQ
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(4);
        await(engine.startMessageMoveTask(new io.ferrymq.engine.sqs.StartMessageMoveTaskRequest(arnOf(dlq), null, 2)));
        awaitMoved(dlq, 2);

        restart(); // the task resumes from its last durable step
        awaitCompleted(dlq);

        assertThat(drain(queue)).extracting(Message::body).containsExactlyInAnyOrder("m0", "m1", "m2", "m3");
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void messagesPastRetentionLeaveTheJournalEvenWhenNobodyTouchesTheirQueue() {
        String queue = createQueue("orders", Map.of("MessageRetentionPeriod", "60"));
        send(queue, "short-lived");
        String other = createQueue("other");
        send(other, "kept");

        clock.advanceSeconds(121); // the engine's minute sweep runs on its own clock
        restart();

        assertThat(engine.recovery().messages()).as("only the message still within retention").isEqualTo(1);
    }

    /** Lets a second of engine time pass at a time until the newest task completes (bounded). */
    private void awaitCompleted(String dlq) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!await(engine.listMessageMoveTasks(arnOf(dlq), 1)).get(0).status().equals("COMPLETED")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the move task did not complete");
            }
            clock.advanceSeconds(1);
            Thread.onSpinWait();
        }
    }

    /** Move tasks step on the delivery executor; waits (bounded) until the newest task has moved this many. */
    private void awaitMoved(String dlq, long moved) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (await(engine.listMessageMoveTasks(arnOf(dlq), 1)).get(0).approximateNumberOfMessagesMoved() < moved) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the move task did not reach " + moved);
            }
            Thread.onSpinWait();
        }
    }
}
