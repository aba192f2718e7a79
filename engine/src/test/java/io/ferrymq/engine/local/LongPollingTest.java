package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long polling: a receive with a wait time parks until a message is available or the wait time passes on the clock.
 * Parked receives are completed on the engine's delivery thread, so each is awaited rather than checked at once.
 */
class LongPollingTest extends EngineFixture {
    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders");
    }

    @Test
    void aWaitingReceiveCompletesWhenAMessageIsSentWithoutTheClockMoving() {
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(20);
        assertThat(waiting).isNotDone();

        String id = send(queue, "hello");

        assertThat(messagesOf(waiting)).extracting(Message::messageId).containsExactly(id);
    }

    @Test
    void aWaitingReceiveCompletesEmptyWhenTheClockPassesItsWaitTime() {
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(20);

        clock.advanceSeconds(19);
        assertThat(waiting).isNotDone();
        clock.advanceSeconds(1);

        assertThat(messagesOf(waiting)).isEmpty();
    }

    @Test
    void aWaitingReceiveIsWokenWhenADelayedMessageBecomesVisible() {
        await(engine.sendMessage(SendMessageRequest.of(queue, "later").withDelaySeconds(10)));
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(20);

        clock.advanceSeconds(9);
        assertThat(waiting).isNotDone();
        clock.advanceSeconds(1);

        assertThat(messagesOf(waiting)).extracting(Message::body).containsExactly("later");
    }

    @Test
    void aWaitingReceiveIsWokenWhenAnInFlightMessagesVisibilityExpires() {
        send(queue, "job");
        await(engine.receiveMessage(ReceiveMessageRequest.of(queue).withVisibilityTimeout(5)));
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(20);

        clock.advanceSeconds(4);
        assertThat(waiting).isNotDone();
        clock.advanceSeconds(1);

        assertThat(messagesOf(waiting)).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("job");
            assertThat(m.receiveCount()).isEqualTo(2);
        });
    }

    @Test
    void severalWaitingReceivesEachGetADistinctMessage() {
        List<CompletableFuture<ReceiveMessageResult>> waiting = List.of(longPoll(20), longPoll(20), longPoll(20));

        send(queue, "a");
        send(queue, "b");
        send(queue, "c");

        assertThat(waiting.stream().flatMap(f -> messagesOf(f).stream()).map(Message::body))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aCancelledWaitingReceiveDoesNotSwallowAMessage() {
        CompletableFuture<ReceiveMessageResult> abandoned = longPoll(20);
        abandoned.cancel(true);

        send(queue, "kept");

        assertThat(receiveOne(queue).body()).isEqualTo("kept");
    }

    @Test
    void aMessageHandedToAReceiveThatWasCancelledMeanwhileIsReleasedForOthers() {
        ArrayDeque<Runnable> deliveries = new ArrayDeque<>();
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).deliveryExecutor(deliveries::add).build();
        queue = createQueue("orders");
        CompletableFuture<ReceiveMessageResult> abandoned = longPoll(20);

        send(queue, "kept"); // leased to the waiting receive; its completion is queued for delivery
        assertThat(receive(queue, 10)).isEmpty();
        abandoned.cancel(true);
        deliveries.forEach(Runnable::run);

        assertThat(receiveOne(queue).body()).isEqualTo("kept");
    }

    @Test
    void closingTheEngineCompletesWaitingReceivesEmpty() {
        CompletableFuture<ReceiveMessageResult> first = longPoll(20);
        CompletableFuture<ReceiveMessageResult> second = longPoll(10);

        engine.close();

        assertThat(messagesOf(first)).isEmpty();
        assertThat(messagesOf(second)).isEmpty();
    }

    @Test
    void aSendAfterCloseStillHandsItsMessageToAWaitingReceive() {
        engine.close();
        CompletableFuture<ReceiveMessageResult> waiting = longPoll(20);

        send(queue, "late");

        assertThat(messagesOf(waiting)).extracting(m -> m.body()).containsExactly("late");
    }

    private CompletableFuture<ReceiveMessageResult> longPoll(int waitTimeSeconds) {
        return engine.receiveMessage(ReceiveMessageRequest.of(queue).withWaitTimeSeconds(waitTimeSeconds)
                .withMessageSystemAttributeNames("All"));
    }

    private static List<Message> messagesOf(CompletableFuture<ReceiveMessageResult> future) {
        return await(future).messages();
    }
}
