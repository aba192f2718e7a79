package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELEASE hands leased messages back as if the receive that leased them had not happened: visible at once, first in
 * line, with the receive count and first-receive time they had before. Handles that no longer name a lease are
 * skipped without error.
 */
class ReleaseMessagesTest extends EngineFixture {
    private static final String FIRST_RECEIVE = "ApproximateFirstReceiveTimestamp";
    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders", Map.of("VisibilityTimeout", "30"));
    }

    @Test
    void aReleasedMessageIsVisibleAtOnceAndItsNextReceiveCountsAsItsFirst() {
        send(queue, "job");
        Message leased = receiveOne(queue);
        clock.advanceSeconds(5);

        release(leased);

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        Message again = receiveOne(queue);
        assertThat(again.receiveCount()).isEqualTo(1);
        assertThat(again.attributes().get(FIRST_RECEIVE)).as("set by this receive, not the released one")
                .isEqualTo(Long.toString(clock.millis()));
    }

    @Test
    void releasingALaterReceiveKeepsTheCountAndFirstReceiveOfTheEarlierOnes() {
        send(queue, "job");
        Message first = receiveOne(queue);
        clock.advanceSeconds(30); // the first lease lapses: that receive counts
        Message second = receiveOne(queue);
        assertThat(second.receiveCount()).isEqualTo(2);

        release(second);

        Message third = receiveOne(queue);
        assertThat(third.receiveCount()).isEqualTo(2);
        assertThat(third.attributes().get(FIRST_RECEIVE)).isEqualTo(first.attributes().get(FIRST_RECEIVE));
    }

    @Test
    void aReleasedReceiveDoesNotCountTowardsMaxReceiveCount() {
        String dlq = createQueue("orders-dlq");
        String source = createQueue("jobs", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":1}"));
        send(source, "job");
        for (int i = 0; i < 3; i++) {
            release(source, receiveOne(source));
        }

        assertThat(receiveOne(source).receiveCount()).isEqualTo(1);
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void releasedMessagesGoBackToTheFrontOfTheLineInTheOrderGiven() {
        for (String body : List.of("a", "b", "c", "d")) {
            send(queue, body);
        }
        List<Message> prefetched = receive(queue, 2);
        assertThat(prefetched).extracting(Message::body).containsExactly("a", "b");

        await(engine.releaseMessages(queue, List.of(prefetched.get(0).receiptHandle(),
                prefetched.get(1).receiptHandle())));

        assertThat(receive(queue, 10)).extracting(Message::body).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aReleasedFifoMessageIsBackAtItsGroupsHeadAndTheGroupIsUnblocked() {
        String fifo = createQueue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        for (String body : List.of("g1-a", "g1-b", "g1-c")) {
            await(engine.sendMessage(SendMessageRequest.of(fifo, body).withMessageGroupId("g1")));
        }
        List<Message> prefetched = receive(fifo, 2);
        assertThat(receive(fifo, 10)).as("the group is blocked while its messages are out").isEmpty();

        await(engine.releaseMessages(fifo, prefetched.stream().map(Message::receiptHandle).toList()));

        List<Message> again = receive(fifo, 10);
        assertThat(again).extracting(Message::body).containsExactly("g1-a", "g1-b", "g1-c");
        assertThat(again).allSatisfy(m -> assertThat(m.receiveCount()).isEqualTo(1));
    }

    @Test
    void aHandleWhoseLeaseLapsedIsSkippedAndTheLapsedReceiveStillCounts() {
        send(queue, "job");
        Message lapsed = receiveOne(queue);
        clock.advanceSeconds(30);

        release(lapsed);

        assertThat(receiveOne(queue).receiveCount()).isEqualTo(2);
    }

    @Test
    void aHandleOfAnEarlierReceiveDoesNotReleaseTheCurrentLease() {
        send(queue, "job");
        Message earlier = receiveOne(queue);
        clock.advanceSeconds(30);
        Message current = receiveOne(queue);

        release(earlier);

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
        assertThat(receive(queue, 10)).isEmpty();
        await(engine.deleteMessage(queue, current.receiptHandle()));
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    @Test
    void handlesOfDeletedOrAlreadyReleasedMessagesAreSkipped() {
        send(queue, "deleted");
        Message deleted = receiveOne(queue);
        await(engine.deleteMessage(queue, deleted.receiptHandle()));
        send(queue, "released");
        Message released = receiveOne(queue);
        release(released);

        release(deleted);
        release(released);

        Message m = receiveOne(queue);
        assertThat(m.body()).isEqualTo("released");
        assertThat(m.receiveCount()).as("released once, counted down once").isEqualTo(1);
    }

    @Test
    void theHandleOfAReleasedReceiveNoLongerNamesALease() {
        send(queue, "job");
        Message released = receiveOne(queue);
        release(released);

        await(engine.deleteMessage(queue, released.receiptHandle())); // a stale handle: success, the message stays
        assertFails(engine.changeMessageVisibility(queue, released.receiptHandle(), 60),
                ErrorCode.MESSAGE_NOT_INFLIGHT, "The specified message isn't in flight.");

        assertThat(receiveOne(queue).body()).isEqualTo("job");
    }

    @Test
    void aHandleThatIsNotThisQueuesFailsTheWholeCallAndReleasesNothing() {
        send(queue, "job");
        Message leased = receiveOne(queue);

        assertFails(engine.releaseMessages(queue, List.of(leased.receiptHandle(), "not-a-handle")),
                ErrorCode.RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"not-a-handle\" is not a valid receipt handle.");

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
    }

    @Test
    void anUnknownQueueOrNoHandlesAreRefusedAsSqsWould() {
        assertFails(engine.releaseMessages(queue.replace("orders", "nope"), List.of()),
                ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        assertFails(engine.releaseMessages(queue, null), ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter ReceiptHandles.");
        await(engine.releaseMessages(queue, List.of()));
    }

    private void release(Message m) {
        release(queue, m);
    }

    private void release(String queueUrl, Message m) {
        await(engine.releaseMessages(queueUrl, List.of(m.receiptHandle())));
    }
}
