package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.BatchResultErrorEntry;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** DeleteMessage, ChangeMessageVisibility and their batches on a standard queue (default visibility 30 s). */
class DeleteAndVisibilityTest extends EngineFixture {
    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders");
    }

    // ---- DeleteMessage ----

    @Test
    void deletingWithTheCurrentHandleRemovesTheMessage() {
        Message m = leased();

        delete(m.receiptHandle());

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        clock.advanceSeconds(30);
        assertThat(receive(queue, 10)).isEmpty();
    }

    @Test
    void deletingTwiceSucceeds() {
        Message m = leased();

        delete(m.receiptHandle());
        delete(m.receiptHandle());

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void aStaleHandleSucceedsButLeavesTheMessage() {
        String stale = leasedFor(10).receiptHandle();
        clock.advanceSeconds(10);
        Message again = receiveOne(queue);

        delete(stale);

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
        clock.advanceSeconds(30);
        assertThat(receiveOne(queue).messageId()).isEqualTo(again.messageId());
    }

    @Test
    void theLatestHandleStillDeletesAfterTheLeaseLapsed() {
        Message m = leased();
        clock.advanceSeconds(30);

        delete(m.receiptHandle());

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "not a handle!", "AQEBzbVv"})
    void aMalformedHandleIsInvalid(String handle) {
        assertHandleInvalid(failure(engine.deleteMessage(queue, handle)), handle);
        assertHandleInvalid(failure(engine.changeMessageVisibility(queue, handle, 10)), handle);
    }

    @Test
    void aHandleFromAnotherQueueIsInvalidThere() {
        String other = createQueue("other");
        Message m = leased();

        assertHandleInvalid(failure(engine.deleteMessage(other, m.receiptHandle())), m.receiptHandle());
        assertHandleInvalid(failure(engine.changeMessageVisibility(other, m.receiptHandle(), 0)),
                m.receiptHandle());
    }

    @Test
    void aHandleFromADeletedQueueIsInvalidInTheQueueRecreatedUnderItsName() {
        Message m = leased();
        await(engine.deleteQueue(queue));
        clock.advanceSeconds(60);
        queue = createQueue("orders");
        send(queue, "new");

        assertHandleInvalid(failure(engine.deleteMessage(queue, m.receiptHandle())), m.receiptHandle());
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    // ---- ChangeMessageVisibility ----

    @Test
    void extendingTheLeaseKeepsTheMessageHiddenPastItsOldDeadline() {
        Message m = leasedFor(10);
        clock.advanceSeconds(5);

        change(m.receiptHandle(), 20); // from t=5: hidden until t=25

        clock.advanceSeconds(5);
        assertThat(receive(queue, 10)).as("at the old deadline").isEmpty();
        clock.advanceSeconds(14);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveOne(queue).messageId()).isEqualTo(m.messageId());
    }

    @Test
    void aVisibilityTimeoutOfZeroMakesTheMessageVisibleAtOnce() {
        Message m = leased();

        change(m.receiptHandle(), 0);

        assertThat(receiveOne(queue).messageId()).isEqualTo(m.messageId());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 43_201})
    void aVisibilityTimeoutOutside0To43200IsRefused(int seconds) {
        Message m = leased();

        assertInvalidParameter(failure(engine.changeMessageVisibility(queue, m.receiptHandle(), seconds)),
                "Value " + seconds + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and"
                        + " 43200.");
    }

    @Test
    void aLeaseMayReachTwelveHoursSinceTheReceive() {
        Message m = leased();
        clock.advanceSeconds(10);

        change(m.receiptHandle(), 43_190);

        clock.advanceSeconds(43_189);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveOne(queue).messageId()).isEqualTo(m.messageId());
    }

    @Test
    void aLeaseBeyondTwelveHoursSinceTheReceiveIsRefused() {
        Message m = leased();
        clock.advanceSeconds(10);

        assertInvalidParameter(failure(engine.changeMessageVisibility(queue, m.receiptHandle(), 43_191)),
                "Value 43191 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the"
                        + " message is beyond the limit [43200 seconds].");
    }

    @Test
    void changingTheVisibilityOfADeletedMessageIsRefused() {
        Message m = leased();
        delete(m.receiptHandle());

        assertInvalidParameter(failure(engine.changeMessageVisibility(queue, m.receiptHandle(), 10)),
                "Value " + m.receiptHandle() + " for parameter ReceiptHandle is invalid. Reason: Message does not"
                        + " exist or is not available for visibility timeout change.");
    }

    @Test
    void changingTheVisibilityWithAStaleHandleIsMessageNotInflight() {
        String stale = leasedFor(10).receiptHandle();
        clock.advanceSeconds(10);
        receiveOne(queue);

        EngineException e = failure(engine.changeMessageVisibility(queue, stale, 60));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.MESSAGE_NOT_INFLIGHT);
    }

    @Test
    void theLatestHandleMayStillChangeTheVisibilityAfterTheLeaseLapsed() {
        Message m = leased();
        clock.advanceSeconds(30);

        change(m.receiptHandle(), 60);

        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(60);
        assertThat(receiveOne(queue).messageId()).isEqualTo(m.messageId());
    }

    // ---- DeleteMessageBatch ----

    @Test
    void aDeleteBatchDeletesTheGoodEntriesAndReportsTheBadOnes() {
        send(queue, "a");
        send(queue, "b");
        List<Message> both = receive(queue, 2);

        BatchResult<String> result = await(engine.deleteMessageBatch(queue, List.of(
                new DeleteMessageBatchRequestEntry("first", both.get(0).receiptHandle()),
                new DeleteMessageBatchRequestEntry("bad", "garbage"),
                new DeleteMessageBatchRequestEntry("second", both.get(1).receiptHandle()))));

        assertThat(result.successful()).containsExactly("first", "second");
        assertThat(result.failed()).containsExactly(new BatchResultErrorEntry("bad", true, "ReceiptHandleIsInvalid",
                "The input receipt handle \"garbage\" is not a valid receipt handle."));
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    @Test
    void anEmptyDeleteBatchIsRefused() {
        EngineException e = failure(engine.deleteMessageBatch(queue, List.of()));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.EMPTY_BATCH_REQUEST);
        assertThat(e.getMessage()).isEqualTo("There should be at least one DeleteMessageBatchRequestEntry in the"
                + " request.");
    }

    @Test
    void aDeleteBatchOfElevenEntriesIsRefusedAndDeletesNothing() {
        assertTooMany(deleteBatch(ids(11)));
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
    }

    @Test
    void aDeleteBatchWithRepeatedIdsIsRefusedAndDeletesNothing() {
        assertRepeated(deleteBatch(List.of("x", "y", "x")));
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
    }

    @Test
    void aDeleteBatchWithABadIdIsRefusedAndDeletesNothing() {
        assertBadId(deleteBatch(List.of("ok", "not ok")));
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
    }

    // ---- ChangeMessageVisibilityBatch ----

    @Test
    void aVisibilityBatchChangesTheGoodEntriesAndReportsTheBadOnes() {
        send(queue, "a");
        send(queue, "b");
        List<Message> both = receive(queue, 2);
        delete(both.get(1).receiptHandle());

        BatchResult<String> result = await(engine.changeMessageVisibilityBatch(queue, List.of(
                new ChangeMessageVisibilityBatchRequestEntry("extend", both.get(0).receiptHandle(), 60),
                new ChangeMessageVisibilityBatchRequestEntry("tooLong", both.get(0).receiptHandle(), 43_201),
                new ChangeMessageVisibilityBatchRequestEntry("garbage", "garbage", 60),
                new ChangeMessageVisibilityBatchRequestEntry("deleted", both.get(1).receiptHandle(), 60))));

        assertThat(result.successful()).containsExactly("extend");
        assertThat(result.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code,
                BatchResultErrorEntry::senderFault).containsExactly(
                        tuple("tooLong", "InvalidParameterValue", true),
                        tuple("garbage", "ReceiptHandleIsInvalid", true),
                        tuple("deleted", "InvalidParameterValue", true));
        clock.advanceSeconds(59);
        assertThat(receive(queue, 10)).as("the extended lease holds past the queue's 30 s").isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveOne(queue).messageId()).isEqualTo(both.get(0).messageId());
    }

    @Test
    void anEmptyVisibilityBatchIsRefused() {
        EngineException e = failure(engine.changeMessageVisibilityBatch(queue, List.of()));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.EMPTY_BATCH_REQUEST);
        assertThat(e.getMessage()).startsWith("There should be at least one ChangeMessageVisibilityBatch");
    }

    @Test
    void aVisibilityBatchOfElevenEntriesIsRefused() {
        assertTooMany(visibilityBatch(ids(11)));
    }

    @Test
    void aVisibilityBatchWithRepeatedIdsIsRefused() {
        assertRepeated(visibilityBatch(List.of("x", "y", "x")));
    }

    @Test
    void aVisibilityBatchWithABadIdIsRefused() {
        assertBadId(visibilityBatch(List.of("ok", "x".repeat(81))));
    }

    // ---- helpers ----

    private Message leased() {
        send(queue, "job");
        return receiveOne(queue);
    }

    private Message leasedFor(int visibilityTimeout) {
        send(queue, "job");
        return await(engine.receiveMessage(ReceiveMessageRequest.of(queue).withVisibilityTimeout(visibilityTimeout)))
                .messages().get(0);
    }

    private void delete(String handle) {
        await(engine.deleteMessage(queue, handle));
    }

    private void change(String handle, int seconds) {
        await(engine.changeMessageVisibility(queue, handle, seconds));
    }

    /** A delete batch whose entries all carry the handle of one in-flight message. */
    private CompletableFuture<?> deleteBatch(List<String> ids) {
        String handle = leased().receiptHandle();
        return engine.deleteMessageBatch(queue,
                ids.stream().map(id -> new DeleteMessageBatchRequestEntry(id, handle)).toList());
    }

    /** A visibility batch whose entries all carry the handle of one in-flight message. */
    private CompletableFuture<?> visibilityBatch(List<String> ids) {
        String handle = leased().receiptHandle();
        return engine.changeMessageVisibilityBatch(queue,
                ids.stream().map(id -> new ChangeMessageVisibilityBatchRequestEntry(id, handle, 60)).toList());
    }

    private static List<String> ids(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("e" + i);
        }
        return out;
    }

    private static void assertTooMany(CompletableFuture<?> call) {
        EngineException e = failure(call);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST);
        assertThat(e.getMessage()).isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
    }

    private static void assertRepeated(CompletableFuture<?> call) {
        EngineException e = failure(call);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BATCH_ENTRY_IDS_NOT_DISTINCT);
        assertThat(e.getMessage()).isEqualTo("Id x repeated.");
    }

    private static void assertBadId(CompletableFuture<?> call) {
        EngineException e = failure(call);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_BATCH_ENTRY_ID);
        assertThat(e.getMessage()).isEqualTo("A batch entry id can only contain alphanumeric characters, hyphens"
                + " and underscores. It can be at most 80 letters long.");
    }

    private static void assertHandleInvalid(EngineException e, String handle) {
        assertThat(e.errorCode()).isEqualTo(ErrorCode.RECEIPT_HANDLE_IS_INVALID);
        assertThat(e.getMessage()).isEqualTo("The input receipt handle \"" + handle + "\" is not a valid receipt"
                + " handle.");
    }

    private static void assertInvalidParameter(EngineException e, String message) {
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
