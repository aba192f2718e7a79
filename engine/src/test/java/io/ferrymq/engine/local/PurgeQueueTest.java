package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PurgeQueue, as SQS specifies it. */
class PurgeQueueTest extends EngineFixture {

    private void purge(String queueUrl) {
        await(engine.purgeQueue(queueUrl));
    }

    private void assertEmpty(String queueUrl) {
        assertThat(attribute(queueUrl, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queueUrl, "ApproximateNumberOfMessagesNotVisible")).isZero();
        assertThat(attribute(queueUrl, "ApproximateNumberOfMessagesDelayed")).isZero();
        assertThat(receive(queueUrl, 10)).isEmpty();
    }

    private String sendFifo(String queueUrl, String body, String group) {
        return await(engine.sendMessage(SendMessageRequest.of(queueUrl, body).withMessageGroupId(group)
                .withMessageDeduplicationId(body))).messageId();
    }

    @Test
    void removesVisibleMessages() {
        String url = createQueue("orders");
        send(url, "one");
        send(url, "two");

        purge(url);

        assertEmpty(url);
    }

    @Test
    void removesInFlightMessagesForGood() {
        String url = createQueue("orders", Map.of("VisibilityTimeout", "30"));
        send(url, "one");
        receiveOne(url);

        purge(url);
        assertThat(attribute(url, "ApproximateNumberOfMessagesNotVisible")).isZero();
        clock.advanceSeconds(30);

        assertEmpty(url);
    }

    @Test
    void removesDelayedMessagesForGood() {
        String url = createQueue("orders");
        await(engine.sendMessage(SendMessageRequest.of(url, "later").withDelaySeconds(60)));

        purge(url);
        assertThat(attribute(url, "ApproximateNumberOfMessagesDelayed")).isZero();
        clock.advanceSeconds(60);

        assertEmpty(url);
    }

    @Test
    void leavesTheQueueAndItsAttributesReadyForNewMessages() {
        String url = createQueue("orders", Map.of("VisibilityTimeout", "45"));
        send(url, "old");

        purge(url);
        String id = send(url, "new");

        assertThat(attribute(url, "VisibilityTimeout")).isEqualTo(45);
        assertThat(receiveOne(url).messageId()).isEqualTo(id);
    }

    @Test
    void aReceiptHandleFromBeforeThePurgeDeletesNothingAfterIt() {
        String url = createQueue("orders");
        send(url, "old");
        String oldHandle = receiveOne(url).receiptHandle();
        purge(url);
        String id = send(url, "new");

        await(engine.deleteMessage(url, oldHandle).handle((ok, error) -> null)); // SQS may answer either way

        assertThat(attribute(url, "ApproximateNumberOfMessages")).isEqualTo(1);
        assertThat(receiveOne(url).messageId()).isEqualTo(id);
    }

    @Test
    void freesTheMessageGroupsOfAFifoQueue() {
        String url = createQueue("orders.fifo", Map.of("FifoQueue", "true"));
        sendFifo(url, "first", "customer-1");
        receiveOne(url); // the group is now blocked behind an in-flight message

        purge(url);
        String id = sendFifo(url, "second", "customer-1");

        assertThat(receiveOne(url).messageId()).isEqualTo(id);
    }

    @Test
    void refusesASecondPurgeWithin60Seconds() {
        String url = createQueue("orders");
        purge(url);
        clock.advanceSeconds(59);
        send(url, "survives the refused purge");

        EngineException e = assertFails(engine.purgeQueue(url), ErrorCode.PURGE_QUEUE_IN_PROGRESS,
                "Only one PurgeQueue operation on orders is allowed every 60 seconds.");

        assertThat(e.errorCode().httpStatus()).isEqualTo(403);
        assertThat(e.errorCode().queryCode()).isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress");
        assertThat(attribute(url, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    @Test
    void allowsAnotherPurge60SecondsLater() {
        String url = createQueue("orders");
        purge(url);
        clock.advanceSeconds(60);
        send(url, "one");

        purge(url);

        assertEmpty(url);
    }

    @Test
    void limitsEachQueueSeparately() {
        String orders = createQueue("orders");
        String invoices = createQueue("invoices");
        send(invoices, "one");
        purge(orders);

        purge(invoices);

        assertEmpty(invoices);
    }

    @Test
    void failsWithQueueDoesNotExistForAMissingQueue() {
        assertFails(engine.purgeQueue("http://localhost:9324/000000000000/missing"), ErrorCode.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
    }
}
