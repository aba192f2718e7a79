package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.SendMessageResult;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FifoQueueTest extends EngineFixture {

    private String fifoQueue() {
        return fifoQueue(Map.of());
    }

    private String fifoQueue(Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(Map.of("FifoQueue", "true", "VisibilityTimeout", "30"));
        attributes.putAll(extra);
        return createQueue("orders.fifo", attributes);
    }

    private SendMessageResult send(String queue, String body, String group, String dedupId) {
        return await(engine.sendMessage(SendMessageRequest.of(queue, body).withMessageGroupId(group)
                .withMessageDeduplicationId(dedupId)));
    }

    /** Sends a body whose deduplication id is the body itself. */
    private SendMessageResult sendToGroup(String queue, String group, String body) {
        return send(queue, body, group, body);
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    private List<Message> receiveWithAttempt(String queue, String attemptId) {
        return await(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(10)
                .withReceiveRequestAttemptId(attemptId))).messages();
    }

    private void delete(String queue, Message m) {
        await(engine.deleteMessage(queue, m.receiptHandle()));
    }

    // ---- ordering and group blocking ----

    @Test
    void messagesOfAGroupAreDeliveredInStrictOrderAcrossManyReceives() {
        String queue = fifoQueue();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            sent.add("m" + i);
            sendToGroup(queue, "g", "m" + i);
        }

        List<String> got = new ArrayList<>();
        List<Message> batch;
        while (!(batch = receive(queue, 10)).isEmpty()) {
            got.addAll(bodies(batch));
            batch.forEach(m -> delete(queue, m));
        }

        assertThat(got).containsExactlyElementsOf(sent);
    }

    @Test
    void aGroupWithAMessageInFlightIsHeldBackWhileOtherGroupsAreDelivered() {
        String queue = fifoQueue();
        sendToGroup(queue, "a", "a1");
        sendToGroup(queue, "a", "a2");
        sendToGroup(queue, "b", "b1");

        assertThat(receiveOne(queue).body()).isEqualTo("a1");
        sendToGroup(queue, "a", "a3"); // new arrivals must not unblock the group

        assertThat(bodies(receive(queue, 10))).as("group a is blocked, b is not").containsExactly("b1");
        assertThat(receive(queue, 10)).as("both groups are in flight").isEmpty();
    }

    @Test
    void oneReceiveReturnsSeveralConsecutiveMessagesOfTheSameGroup() {
        String queue = fifoQueue();
        for (int i = 1; i <= 4; i++) {
            sendToGroup(queue, "g", "g" + i);
        }

        assertThat(bodies(receive(queue, 10))).containsExactly("g1", "g2", "g3", "g4");
    }

    @Test
    void deletingTheHeadReleasesTheNextMessageOfTheGroup() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "first");
        sendToGroup(queue, "g", "second");

        Message first = receiveOne(queue);
        assertThat(receive(queue, 10)).isEmpty();
        delete(queue, first);

        assertThat(receiveOne(queue).body()).isEqualTo("second");
    }

    @Test
    void afterTheVisibilityTimeoutTheSameHeadIsRedeliveredAndTheOrderKept() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "first");
        sendToGroup(queue, "g", "second");
        Message first = receiveOne(queue);

        clock.advanceSeconds(29);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);

        List<Message> again = receive(queue, 10);
        assertThat(bodies(again)).containsExactly("first", "second");
        assertThat(again.get(0).messageId()).isEqualTo(first.messageId());
        assertThat(again.get(0).receiveCount()).isEqualTo(2);
        assertThat(again.get(1).receiveCount()).isEqualTo(1);
    }

    // ---- deduplication ----

    @Test
    void aDuplicateWithinFiveMinutesIsAcceptedAnsweredLikeTheOriginalAndNotStored() {
        String queue = fifoQueue();
        SendMessageResult original = send(queue, "body", "g", "dedup-1");
        clock.advance(java.time.Duration.ofMinutes(5).minusMillis(1));

        SendMessageResult duplicate = send(queue, "other body", "g", "dedup-1");

        assertThat(duplicate.messageId()).isEqualTo(original.messageId());
        assertThat(duplicate.sequenceNumber()).isEqualTo(original.sequenceNumber());
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
        assertThat(bodies(receive(queue, 10))).containsExactly("body");
    }

    @Test
    void afterFiveMinutesTheSameDeduplicationIdIsStoredAgain() {
        String queue = fifoQueue();
        SendMessageResult original = send(queue, "body", "g", "dedup-1");
        clock.advance(java.time.Duration.ofMinutes(5));

        SendMessageResult later = send(queue, "body", "g", "dedup-1");

        assertThat(later.messageId()).isNotEqualTo(original.messageId());
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(2);
    }

    @Test
    void contentBasedDeduplicationUsesTheSha256OfTheBody() throws Exception {
        String queue = fifoQueue(Map.of("ContentBasedDeduplication", "true"));
        SendMessageRequest request = SendMessageRequest.of(queue, "same body").withMessageGroupId("g");

        SendMessageResult first = await(engine.sendMessage(request));
        SendMessageResult second = await(engine.sendMessage(request));
        await(engine.sendMessage(SendMessageRequest.of(queue, "another body").withMessageGroupId("g")));

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(2);
        String sha256 = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("same body".getBytes(StandardCharsets.UTF_8)));
        assertThat(receive(queue, 1).get(0).attributes()).containsEntry("MessageDeduplicationId", sha256);
    }

    @Test
    void anExplicitDeduplicationIdWinsOverContentBasedDeduplication() {
        String queue = fifoQueue(Map.of("ContentBasedDeduplication", "true"));

        send(queue, "same body", "g", "one");
        send(queue, "same body", "g", "two");

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(2);
    }

    @Test
    void deduplicationScopeMessageGroupDeduplicatesWithinEachGroupOnly() {
        String queue = fifoQueue(Map.of("DeduplicationScope", "messageGroup"));

        SendMessageResult a = send(queue, "x", "a", "d");
        SendMessageResult b = send(queue, "x", "b", "d");
        SendMessageResult aAgain = send(queue, "x", "a", "d");

        assertThat(b.messageId()).isNotEqualTo(a.messageId());
        assertThat(aAgain.messageId()).isEqualTo(a.messageId());
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(2);
    }

    @Test
    void deduplicationScopeQueueDeduplicatesAcrossGroups() {
        String queue = fifoQueue();

        SendMessageResult a = send(queue, "x", "a", "d");
        SendMessageResult b = send(queue, "x", "b", "d");

        assertThat(b.messageId()).isEqualTo(a.messageId());
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    // ---- sequence numbers and system attributes ----

    @Test
    void sequenceNumbersIncreaseStrictlyAndAreReturnedAsSystemAttributes() {
        String queue = fifoQueue();
        List<String> sequenceNumbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sequenceNumbers.add(send(queue, "m" + i, i % 2 == 0 ? "even" : "odd", "d" + i).sequenceNumber());
        }
        BatchResult<SendMessageBatchResultEntry> batch = await(engine.sendMessageBatch(new SendMessageBatchRequest(
                queue, List.of(entry("e1", "b1", "even", "db1"), entry("e2", "b2", "odd", "db2")))));
        batch.successful().forEach(e -> sequenceNumbers.add(e.sequenceNumber()));

        List<BigInteger> numbers = sequenceNumbers.stream().map(BigInteger::new).toList();
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isGreaterThan(numbers.get(i - 1));
        }

        Message first = receive(queue, 1).get(0);
        assertThat(first.attributes())
                .containsEntry("SequenceNumber", sequenceNumbers.get(0))
                .containsEntry("MessageGroupId", "even")
                .containsEntry("MessageDeduplicationId", "d0");
    }

    private static SendMessageBatchRequestEntry entry(String id, String body, String group, String dedupId) {
        return new SendMessageBatchRequestEntry(id, body, null, Map.of(), Map.of(), dedupId, group);
    }

    // ---- ReceiveRequestAttemptId ----

    @Test
    void aRetryWithTheSameAttemptIdReturnsTheSameMessagesAndReceiptHandles() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "g1");
        sendToGroup(queue, "g", "g2");
        sendToGroup(queue, "h", "h1");

        List<Message> first = receiveWithAttempt(queue, "attempt-1");
        List<Message> retry = receiveWithAttempt(queue, "attempt-1");

        assertThat(first).isNotEmpty();
        assertThat(retry).extracting(Message::messageId).containsExactlyElementsOf(
                first.stream().map(Message::messageId).toList());
        assertThat(retry).extracting(Message::receiptHandle).containsExactlyElementsOf(
                first.stream().map(Message::receiptHandle).toList());
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(first.size());
    }

    @Test
    void aDifferentAttemptIdGetsNothingWhileTheGroupIsBlocked() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "g1");
        sendToGroup(queue, "g", "g2");
        assertThat(bodies(await(engine.receiveMessage(ReceiveMessageRequest.of(queue)
                .withReceiveRequestAttemptId("attempt-1"))).messages())).containsExactly("g1");

        assertThat(receiveWithAttempt(queue, "attempt-2")).isEmpty();
    }

    // ---- delays ----

    @Test
    void aPerMessageDelayOtherThanZeroIsRejected() {
        String queue = fifoQueue();

        EngineException e = failure(engine.sendMessage(SendMessageRequest.of(queue, "m").withMessageGroupId("g")
                .withMessageDeduplicationId("d").withDelaySeconds(5)));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo("Value 5 for parameter DelaySeconds is invalid. Reason: The request"
                + " include parameter that is not valid for this queue type.");
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void theQueueDelayAppliesToFifoQueues() {
        String queue = fifoQueue(Map.of("DelaySeconds", "10"));
        sendToGroup(queue, "g", "late");

        assertThat(receive(queue, 10)).isEmpty();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesDelayed")).isEqualTo(1);
        clock.advanceSeconds(10);

        assertThat(receiveOne(queue).body()).isEqualTo("late");
    }

    @Test
    void anExplicitZeroDelayOnAFifoSendDoesNotOverrideTheQueueDelay() {
        String queue = fifoQueue(Map.of("DelaySeconds", "10"));
        await(engine.sendMessage(SendMessageRequest.of(queue, "late").withMessageGroupId("g")
                .withMessageDeduplicationId("d").withDelaySeconds(0)));

        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(10);

        assertThat(receiveOne(queue).body()).isEqualTo("late");
    }

    // ---- send errors ----

    @Test
    void aSendWithoutMessageGroupIdIsMissingAParameter() {
        String queue = fifoQueue();

        EngineException e = failure(engine.sendMessage(SendMessageRequest.of(queue, "m")
                .withMessageDeduplicationId("d")));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("The request must contain the parameter MessageGroupId.");
    }

    @Test
    void aSendWithoutDeduplicationIdNeedsContentBasedDeduplication() {
        String queue = fifoQueue();

        EngineException e = failure(engine.sendMessage(SendMessageRequest.of(queue, "m").withMessageGroupId("g")));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo("The queue should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");
    }

    @Test
    void aBatchWithAnEntryWithoutGroupIdFailsAsAWhole() {
        String queue = fifoQueue();

        EngineException e = failure(engine.sendMessageBatch(new SendMessageBatchRequest(queue, List.of(
                entry("ok", "b1", "g", "d1"), entry("bad", "b2", null, "d2")))));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo("The request must contain the parameter MessageGroupId.");
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).as("nothing was stored").isZero();
    }

    // ---- expired receipt handles ----

    @Test
    void deleteWithAnExpiredReceiptHandleIsRejected() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "m");
        Message m = receiveOne(queue);
        clock.advanceSeconds(30);

        EngineException e = failure(engine.deleteMessage(queue, m.receiptHandle()));

        assertExpired(e, m);
        assertThat(receiveOne(queue).messageId()).as("the message was not deleted").isEqualTo(m.messageId());
    }

    @Test
    void aReceiptHandleFromAnEarlierReceiveIsExpiredAfterRedelivery() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "m");
        Message first = receiveOne(queue);
        clock.advanceSeconds(30);
        receiveOne(queue);

        assertExpired(failure(engine.deleteMessage(queue, first.receiptHandle())), first);
    }

    @Test
    void changeMessageVisibilityWithAnExpiredReceiptHandleIsRejected() {
        String queue = fifoQueue();
        sendToGroup(queue, "g", "m");
        Message m = receiveOne(queue);
        clock.advanceSeconds(30);

        assertExpired(failure(engine.changeMessageVisibility(queue, m.receiptHandle(), 60)), m);
    }

    private static void assertExpired(EngineException e, Message m) {
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo("Value " + m.receiptHandle()
                + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.");
    }

    // ---- throughput settings ----

    @Test
    void perMessageGroupIdThroughputRequiresMessageGroupDeduplicationScope() {
        EngineException e = failure(engine.createQueue(CreateQueueRequest.of("hot.fifo", Map.of(
                "FifoQueue", "true", "FifoThroughputLimit", "perMessageGroupId"))));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);
        assertThat(e.getMessage()).isEqualTo("Invalid value for the parameter FifoThroughputLimit. Reason: The"
                + " perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup.");
        assertThat(failure(engine.getQueueUrl("hot.fifo")).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
    }

    @Test
    void perMessageGroupIdThroughputIsAcceptedTogetherWithMessageGroupScope() {
        String queue = fifoQueue();
        assertThat(failure(engine.setQueueAttributes(queue, Map.of("FifoThroughputLimit", "perMessageGroupId")))
                .errorCode()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE);

        await(engine.setQueueAttributes(queue, Map.of("FifoThroughputLimit", "perMessageGroupId",
                "DeduplicationScope", "messageGroup")));

        assertThat(await(engine.getQueueAttributes(queue, List.of("All"))))
                .containsEntry("FifoThroughputLimit", "perMessageGroupId")
                .containsEntry("DeduplicationScope", "messageGroup");
    }
}
