package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.MessageFilter;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SELECTIVE_RECEIVE on a standard queue: a receive leases only messages its filter accepts; the others keep their
 * receive count, visibility and place. Waiting receives are completed on the calling thread here, so that "not
 * woken" can be asserted right after the send that did not wake it. FIFO queues: {@link SelectiveFifoReceiveTest}.
 */
class SelectiveReceiveTest extends EngineFixture {
    static final MessageFilter RED = m -> "red".equals(color(m));
    private String queue;

    @BeforeEach
    void inlineDeliveries() {
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).deliveryExecutor(Runnable::run).build();
        queue = createQueue("paint", Map.of("VisibilityTimeout", "30"));
    }

    @Test
    void takesOnlyTheMessagesTheFilterAcceptsAndLeavesTheOthersUntouched() {
        send(queue, "a", "red");
        send(queue, "b", "blue");
        send(queue, "c", "red");

        assertThat(bodies(selective(queue, 10, 0, RED))).containsExactly("a", "c");

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(2);
        Message blue = receiveOne(queue);
        assertThat(blue.body()).isEqualTo("b");
        assertThat(blue.receiveCount()).as("its receive count untouched").isEqualTo(1);
    }

    @Test
    void rejectedMessagesKeepTheirPlaceInLine() {
        for (int i = 1; i <= 6; i++) {
            send(queue, "m" + i, i % 2 == 0 ? "red" : "blue");
        }

        assertThat(bodies(selective(queue, 2, 0, RED))).containsExactly("m2", "m4");

        assertThat(bodies(receive(queue, 10))).containsExactly("m1", "m3", "m5", "m6");
    }

    @Test
    void takesNoMoreThanAskedAndLeasesForTheRequestedVisibilityTimeout() {
        for (int i = 0; i < 4; i++) {
            send(queue, "r" + i, "red");
        }
        List<Message> got = await(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(3)
                .withVisibilityTimeout(5).withMessageAttributeNames("All"), RED)).messages();
        assertThat(got).hasSize(3);

        clock.advanceSeconds(5);

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(4);
    }

    @Test
    void theFilterSeesTheMessageAsThisReceiveWouldDeliverItWithoutAReceiptHandle() {
        send(queue, "a", "red");
        receiveOne(queue);
        clock.advanceSeconds(30); // that lease lapses: the next receive is the second
        List<Message> seen = new ArrayList<>();

        Message got = selective(queue, 1, 0, m -> seen.add(m)).get(0);

        assertThat(seen).singleElement().satisfies(m -> {
            assertThat(m.receiptHandle()).isNull();
            assertThat(m.receiveCount()).isEqualTo(2);
            assertThat(m.messageAttributes()).isEqualTo(got.messageAttributes());
            assertThat(m.attributes()).isEqualTo(got.attributes());
        });
    }

    @Test
    void aFilterThatThrowsRejectsTheMessageAndTheReceiveGoesOn() {
        send(queue, "bad", "red");
        send(queue, "good", "red");
        MessageFilter picky = m -> {
            if (m.body().equals("bad")) {
                throw new IllegalStateException("cannot judge it");
            }
            return true;
        };

        assertThat(bodies(selective(queue, 10, 0, picky))).containsExactly("good");
        assertThat(receiveOne(queue).receiveCount()).isEqualTo(1);
    }

    @Test
    void withNothingMatchingANonWaitingReceiveAnswersEmptyAndLeasesNothing() {
        send(queue, "b", "blue");

        assertThat(selective(queue, 10, 0, RED)).isEmpty();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    @Test
    void aNullFilterTakesEveryMessageAsAPlainReceive() {
        send(queue, "a", "red");
        send(queue, "b", "blue");

        assertThat(bodies(selective(queue, 10, 0, null))).containsExactly("a", "b");
    }

    @Test
    void requestsAreValidatedAsReceiveMessageValidatesThem() {
        assertFails(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(11), RED),
                ErrorCode.INVALID_PARAMETER_VALUE, "Value 11 for parameter MaxNumberOfMessages is invalid. Reason:"
                        + " Must be between 1 and 10, if provided.");
        assertFails(engine.receiveMessage(ReceiveMessageRequest.of(queue + "-gone"), RED),
                ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }

    @Test
    void aMessagePastMaxReceiveCountIsDeadLetteredBeforeTheFilterSeesIt() {
        String dlq = createQueue("paint-dlq");
        String source = createQueue("jobs", Map.of("VisibilityTimeout", "0", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":1}"));
        send(source, "poison", "red");
        receiveOne(source); // its one allowed receive; visible again at once
        List<Message> seen = new ArrayList<>();

        assertThat(selective(source, 10, 0, m -> seen.add(m))).isEmpty();

        assertThat(seen).as("the filter sees only what would be delivered").isEmpty();
        assertThat(receiveOne(dlq).body()).isEqualTo("poison");
    }

    @Test
    void aRejectingReceiveStillDeadLettersWhatIsPastMaxReceiveCount() {
        String dlq = createQueue("paint-dlq");
        String source = createQueue("jobs", Map.of("VisibilityTimeout", "0", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":1}"));
        send(source, "poison", "blue");
        receiveOne(source);

        assertThat(selective(source, 10, 0, RED)).isEmpty();

        assertThat(attribute(source, "ApproximateNumberOfMessages")).isZero();
        assertThat(receiveOne(dlq).receiveCount()).as("its one receive in the source, and this").isEqualTo(2);
    }

    // ---- long polling ----

    @Test
    void aWaitingSelectiveReceiveIsWokenOnlyByAMatchingMessage() {
        CompletableFuture<ReceiveMessageResult> waiting = selectiveWait(queue, RED);

        send(queue, "b", "blue");
        assertThat(waiting).isNotDone();
        send(queue, "r", "red");

        assertThat(bodies(await(waiting).messages())).containsExactly("r");
        assertThat(receiveOne(queue).receiveCount()).as("the blue one untouched").isEqualTo(1);
    }

    @Test
    void aMessageTheFirstWaiterRejectsGoesToTheNextWaiterFilteredOrNot() {
        CompletableFuture<ReceiveMessageResult> red = selectiveWait(queue, RED);
        CompletableFuture<ReceiveMessageResult> blue = selectiveWait(queue, m -> "blue".equals(color(m)));
        CompletableFuture<ReceiveMessageResult> any = longPoll(queue);

        send(queue, "g", "green");
        send(queue, "b", "blue");

        assertThat(bodies(await(any).messages())).containsExactly("g");
        assertThat(bodies(await(blue).messages())).containsExactly("b");
        assertThat(red).isNotDone();
        send(queue, "r", "red");
        assertThat(bodies(await(red).messages())).containsExactly("r");
    }

    @Test
    void aWaitingSelectiveReceiveEndsEmptyAtItsDeadlineAndLeavesNonMatchesAlone() {
        CompletableFuture<ReceiveMessageResult> waiting = selectiveWait(queue, RED);
        send(queue, "b", "blue");

        clock.advanceSeconds(20);

        assertThat(await(waiting).messages()).isEmpty();
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    @Test
    void aWaitingSelectiveReceiveGetsAMatchWhoseLeaseLapses() {
        send(queue, "r", "red");
        await(engine.receiveMessage(ReceiveMessageRequest.of(queue).withVisibilityTimeout(10)));
        CompletableFuture<ReceiveMessageResult> waiting = selectiveWait(queue, RED);

        clock.advanceSeconds(10);

        assertThat(await(waiting).messages()).singleElement()
                .satisfies(m -> assertThat(m.receiveCount()).isEqualTo(2));
    }

    @Test
    void aWaitingSelectiveReceiveAsksItsFilterAboutEachMessageOnceNotOnEveryOperation() {
        List<String> asked = new ArrayList<>();
        CompletableFuture<ReceiveMessageResult> waiting = selectiveWait(queue, m -> asked.add(m.body()) && false);

        for (int i = 0; i < 5; i++) {
            send(queue, "b" + i, "blue");
            attribute(queue, "ApproximateNumberOfMessages");
        }

        assertThat(waiting).isNotDone();
        assertThat(asked).containsExactly("b0", "b1", "b2", "b3", "b4");
    }

    @Test
    void aMessageBackFromAnotherReceiversLeaseIsOfferedAgain() {
        List<String> asked = new ArrayList<>();
        send(queue, "b", "blue");
        Message leased = receiveOne(queue);
        CompletableFuture<ReceiveMessageResult> waiting = selectiveWait(queue, m -> asked.add(m.body())
                && m.receiveCount() == 1);

        await(engine.releaseMessages(queue, List.of(leased.receiptHandle())));

        assertThat(bodies(await(waiting).messages())).containsExactly("b");
        assertThat(asked).containsExactly("b");
    }

    @Test
    void aWaiterThatFoundTheQueueAtItsInFlightLimitLooksAgainOnceThereIsRoom() {
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).deliveryExecutor(Runnable::run).inFlightLimit(1).build();
        queue = createQueue("paint");
        send(queue, "b", "blue");
        send(queue, "r", "red");
        Message blue = receiveOne(queue);
        CompletableFuture<ReceiveMessageResult> waiting = selectiveWait(queue, RED);
        assertThat(waiting).isNotDone();

        await(engine.deleteMessage(queue, blue.receiptHandle()));

        assertThat(bodies(await(waiting).messages())).containsExactly("r");
    }

    // ---- helpers ----

    static String color(Message m) {
        MessageAttributeValue v = m.messageAttributes().get("color");
        return v == null ? null : v.stringValue();
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    private void send(String queueUrl, String body, String color) {
        await(engine.sendMessage(SendMessageRequest.of(queueUrl, body)
                .withMessageAttributes(Map.of("color", MessageAttributeValue.string(color)))));
    }

    private List<Message> selective(String queueUrl, int max, int waitSeconds, MessageFilter filter) {
        return await(engine.receiveMessage(request(queueUrl).withMaxNumberOfMessages(max)
                .withWaitTimeSeconds(waitSeconds), filter)).messages();
    }

    private CompletableFuture<ReceiveMessageResult> selectiveWait(String queueUrl, MessageFilter filter) {
        return engine.receiveMessage(request(queueUrl).withWaitTimeSeconds(20), filter);
    }

    private CompletableFuture<ReceiveMessageResult> longPoll(String queueUrl) {
        return engine.receiveMessage(request(queueUrl).withWaitTimeSeconds(20));
    }

    static ReceiveMessageRequest request(String queueUrl) {
        return ReceiveMessageRequest.of(queueUrl).withMessageAttributeNames("All")
                .withMessageSystemAttributeNames("All");
    }
}
