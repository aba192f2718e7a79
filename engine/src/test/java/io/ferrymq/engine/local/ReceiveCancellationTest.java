package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling a receive's future withdraws it: a cancelled receive leases no message. When the cancel loses the race
 * (the receive was handed messages that were still on their way to its future), they are released exactly as
 * RELEASE does, so their receive count does not go up. The concurrent version is in CancellationStressTest.
 */
class ReceiveCancellationTest extends EngineFixture {

    @Test
    void aCancelledWaitingReceiveLeavesTheQueueAndLeasesNothing() {
        String queue = createQueue("orders");
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(queue);

        assertThat(waiting.cancel(false)).isTrue();
        assertThat(clock.pendingTimers()).as("its deadline timer is gone with it").isZero();
        send(queue, "job");

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        assertThat(receiveOne(queue).receiveCount()).isEqualTo(1);
    }

    @Test
    void aReceiveCancelledAfterItWasHandedAMessageReleasesItUncounted() {
        ArrayDeque<Runnable> deliveries = new ArrayDeque<>();
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).deliveryExecutor(deliveries::add).build();
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "300"));
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(queue);
        send(queue, "job"); // leased to the waiting receive; completing its future is queued
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);

        assertThat(waiting.cancel(false)).isTrue();
        runAll(deliveries);

        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        assertThat(receiveOne(queue).receiveCount()).as("the cancelled receive does not count").isEqualTo(1);
    }

    @Test
    void aCancelledSelectiveWaitLeasesNothingAndDoesNotStopOthersFromGettingTheMessage() {
        String queue = createQueue("orders");
        CompletableFuture<ReceiveMessageResult> selective = engine.receiveMessage(
                ReceiveMessageRequest.of(queue).withWaitTimeSeconds(20), m -> true);
        CompletableFuture<ReceiveMessageResult> plain = longPoll(queue);

        selective.cancel(false);
        send(queue, "job");

        assertThat(await(plain).messages()).extracting(Message::body).containsExactly("job");
    }

    @Test
    void aReceiveThatAlreadyAnsweredCannotBeCancelledSoItsMessagesAreTheCallers() {
        String queue = createQueue("orders");
        send(queue, "job");
        CompletableFuture<ReceiveMessageResult> answered = engine.receiveMessage(ReceiveMessageRequest.of(queue));

        assertThat(answered.cancel(false)).isFalse();
        assertThat(await(answered).messages()).hasSize(1);
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
    }

    @Test
    void manyShortWaitsCancelledOnAnEmptyQueueLeaveNothingBehind() {
        String queue = createQueue("orders");
        for (int i = 0; i < 1_000; i++) {
            longPoll(queue).cancel(false);
        }

        assertThat(clock.pendingTimers()).isZero();
        send(queue, "job");
        assertThat(receiveOne(queue).receiveCount()).isEqualTo(1);
    }

    private CompletableFuture<ReceiveMessageResult> longPoll(String queue) {
        return engine.receiveMessage(ReceiveMessageRequest.of(queue).withWaitTimeSeconds(20)
                .withMessageSystemAttributeNames("All"));
    }

    private static void runAll(ArrayDeque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
