package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageMoveTask;
import io.ferrymq.engine.sqs.StartMessageMoveTaskRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class MessageMoveTaskTest extends EngineFixture {
    private static final long WAIT_NANOS = 10_000_000_000L;

    private String dlq;
    private String dlqArn;

    /** A DLQ that messages reach on their second receive from a source. */
    private void createDlq() {
        dlq = createQueue("dead", Map.of("VisibilityTimeout", "10"));
        dlqArn = arnOf(dlq);
    }

    private String sourceQueue(String name) {
        return createQueue(name, Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
    }

    /** Sends the bodies to the source and lets them fail over to the DLQ. */
    private void deadLetter(String source, String... bodies) {
        for (String body : bodies) {
            send(source, body);
        }
        assertThat(receive(source, 10)).hasSize(bodies.length);
        clock.advanceSeconds(10);
        assertThat(receive(source, 10)).isEmpty();
    }

    private String start(String sourceArn, String destinationArn, Integer rate) {
        return await(engine.startMessageMoveTask(new StartMessageMoveTaskRequest(sourceArn, destinationArn, rate)));
    }

    private MessageMoveTask latestTask() {
        List<MessageMoveTask> tasks = await(engine.listMessageMoveTasks(dlqArn, null));
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /** Spins until the condition holds; fails (never hangs) when it does not within the deadline. */
    private static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.yield();
        }
    }

    private MessageMoveTask awaitTask(Predicate<MessageMoveTask> condition, String what) {
        until(() -> condition.test(latestTask()), what);
        return latestTask();
    }

    private MessageMoveTask awaitEnd() {
        return awaitTask(t -> !t.status().equals("RUNNING"), "the task ends");
    }

    /** Waits until a rated task has moved {@code moved} messages and scheduled its next step on the clock. */
    private void awaitStep(long moved) {
        awaitTask(t -> t.approximateNumberOfMessagesMoved() == moved, moved + " messages moved");
        until(() -> clock.pendingTimers() > 0, "the next step is scheduled");
    }

    private static void assertError(EngineException e, ErrorCode code, String message) {
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    // ---- moving ----

    @Test
    void redriveReturnsEachMessageToItsOwnSourceAsANewMessage() {
        createDlq();
        String a = sourceQueue("a-orders");
        String b = sourceQueue("b-orders");
        deadLetter(a, "for-a");
        deadLetter(b, "for-b");
        Message deadA = receive(dlq, 10).stream().filter(m -> m.body().equals("for-a")).findFirst().orElseThrow();
        clock.advanceSeconds(10);

        start(dlqArn, null, null);
        MessageMoveTask done = awaitEnd();

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.approximateNumberOfMessagesMoved()).isEqualTo(2);
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isZero();
        Message backInA = receiveOne(a);
        assertThat(backInA.body()).isEqualTo("for-a");
        assertThat(backInA.messageId()).as("a redriven message is a new message").isNotEqualTo(deadA.messageId());
        assertThat(backInA.receiveCount()).isEqualTo(1);
        assertThat(backInA.attributes()).doesNotContainKey("DeadLetterQueueSourceArn");
        assertThat(receiveOne(b).body()).isEqualTo("for-b");
        assertThat(receive(a, 10)).isEmpty();
    }

    @Test
    void redriveToAnExplicitDestination() {
        createDlq();
        String source = sourceQueue("orders");
        String elsewhere = createQueue("elsewhere");
        deadLetter(source, "m1", "m2", "m3");

        start(dlqArn, arnOf(elsewhere), null);
        MessageMoveTask done = awaitEnd();

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.destinationArn()).isEqualTo(arnOf(elsewhere));
        assertThat(receive(elsewhere, 10)).extracting(Message::body).containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(receive(source, 10)).isEmpty();
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void aRateLimitedTaskMovesItsRateEverySecondOfTheEngineClock() {
        createDlq();
        String source = sourceQueue("orders");
        deadLetter(source, "m1", "m2", "m3", "m4", "m5");

        start(dlqArn, null, 2);
        awaitStep(2);
        assertThat(latestTask().status()).isEqualTo("RUNNING");
        assertThat(attribute(source, "ApproximateNumberOfMessages")).isEqualTo(2);
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(3);

        clock.advanceSeconds(1);
        awaitStep(4);
        assertThat(attribute(source, "ApproximateNumberOfMessages")).isEqualTo(4);

        clock.advanceSeconds(1);
        MessageMoveTask done = awaitEnd();
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.approximateNumberOfMessagesMoved()).isEqualTo(5);
        assertThat(done.maxNumberOfMessagesPerSecond()).isEqualTo(2);
        assertThat(attribute(source, "ApproximateNumberOfMessages")).isEqualTo(5);
    }

    @Test
    void theTaskReportsHowManyMessagesItIsToMove() {
        createDlq();
        deadLetter(sourceQueue("orders"), "m1", "m2", "m3");

        start(dlqArn, null, 1);

        MessageMoveTask task = latestTask();
        assertThat(task.approximateNumberOfMessagesToMove()).isEqualTo(3);
        assertThat(task.sourceArn()).isEqualTo(dlqArn);
        assertThat(task.startedTimestamp()).isEqualTo(clock.millis());
        assertThat(task.destinationArn()).isNull();
    }

    @Test
    void cancellingReturnsTheCountMovedAndStopsTheTask() {
        createDlq();
        deadLetter(sourceQueue("orders"), "m1", "m2", "m3", "m4");
        String handle = start(dlqArn, null, 1);
        awaitStep(1);

        assertThat(await(engine.cancelMessageMoveTask(handle))).isEqualTo(1);

        MessageMoveTask cancelled = latestTask();
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.taskHandle()).isNull();
        clock.advanceSeconds(5);
        assertThat(latestTask().approximateNumberOfMessagesMoved()).isEqualTo(1);
        assertError(failure(engine.cancelMessageMoveTask(handle)), ErrorCode.RESOURCE_NOT_FOUND,
                "Task does not exist.");
    }

    @Test
    void listMessageMoveTasksIsNewestFirstAndShowsTheHandleOnlyWhileRunning() {
        createDlq();
        String source = sourceQueue("orders");
        deadLetter(source, "m1", "m2");
        start(dlqArn, null, null);
        MessageMoveTask first = awaitEnd();
        assertThat(first.taskHandle()).isNull();
        assertThat(receive(source, 10)).hasSize(2);
        clock.advanceSeconds(10);
        assertThat(receive(source, 10)).isEmpty();

        String handle = start(dlqArn, null, 1); // moves one message a second: still running below

        List<MessageMoveTask> all = await(engine.listMessageMoveTasks(dlqArn, 10));
        assertThat(all).hasSize(2);
        assertThat(all.get(1).status()).isEqualTo("COMPLETED");
        assertThat(all.get(1).taskHandle()).isNull();
        assertThat(all.get(0).taskHandle()).isEqualTo(handle);
        assertThat(await(engine.listMessageMoveTasks(dlqArn, null))).hasSize(1).first()
                .extracting(MessageMoveTask::taskHandle).isEqualTo(handle);
    }

    @Test
    void listMessageMoveTasksTakesOneToTenResults() {
        createDlq();
        String message = "Value for parameter MaxResults is invalid. Reason: You must enter a number that's"
                + " between 1 and 10.";

        assertError(failure(engine.listMessageMoveTasks(dlqArn, 0)), ErrorCode.INVALID_PARAMETER_VALUE, message);
        assertError(failure(engine.listMessageMoveTasks(dlqArn, 11)), ErrorCode.INVALID_PARAMETER_VALUE, message);
        assertThat(await(engine.listMessageMoveTasks(dlqArn, 10))).isEmpty();
    }

    @Test
    void aMessageWithoutASourceFailsTheTaskAndStaysInTheDlq() {
        createDlq();
        sourceQueue("orders");
        String id = send(dlq, "sent straight to the DLQ");

        start(dlqArn, null, null);
        MessageMoveTask failed = awaitEnd();

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failureReason()).isEqualTo("CouldNotDetermineMessageSource");
        assertThat(receiveOne(dlq).messageId()).isEqualTo(id);
    }

    // ---- refused requests ----

    @Test
    void theSourceMustBeADeadLetterQueue() {
        createDlq();
        String plain = createQueue("plain");

        assertError(failure(engine.startMessageMoveTask(StartMessageMoveTaskRequest.toOriginalSources(arnOf(plain)))),
                ErrorCode.INVALID_PARAMETER_VALUE, "Source queue must be configured as a Dead Letter Queue.");
    }

    @Test
    void onlyOneTaskRunsPerSource() {
        createDlq();
        deadLetter(sourceQueue("orders"), "m1", "m2");
        start(dlqArn, null, 1);

        assertError(failure(engine.startMessageMoveTask(StartMessageMoveTaskRequest.toOriginalSources(dlqArn))),
                ErrorCode.INVALID_PARAMETER_VALUE, "There is already a task running. Only one active task is"
                        + " allowed for a source queue arn at a given time.");
    }

    @Test
    void aMissingSourceOrDestinationIsNotFound() {
        createDlq();
        sourceQueue("orders");
        String missing = "arn:aws:sqs:us-east-1:000000000000:missing";

        EngineException noSource = failure(engine.startMessageMoveTask(
                StartMessageMoveTaskRequest.toOriginalSources(missing)));
        EngineException noDestination = failure(engine.startMessageMoveTask(
                new StartMessageMoveTaskRequest(dlqArn, missing, null)));

        assertError(noSource, ErrorCode.RESOURCE_NOT_FOUND,
                "The resource that you specified for the SourceArn parameter doesn't exist.");
        assertThat(noSource.errorCode().httpStatus()).isEqualTo(404);
        assertError(noDestination, ErrorCode.RESOURCE_NOT_FOUND,
                "The resource that you specified for the DestinationArn parameter doesn't exist.");
        assertThat(failure(engine.listMessageMoveTasks(missing, null)).errorCode())
                .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    }

    @Test
    void sourceAndDestinationMustDifferAndBeOfTheSameType() {
        createDlq();
        sourceQueue("orders");
        String fifo = createQueue("other.fifo", Map.of("FifoQueue", "true"));

        assertError(failure(engine.startMessageMoveTask(new StartMessageMoveTaskRequest(dlqArn, dlqArn, null))),
                ErrorCode.INVALID_PARAMETER_VALUE, "Source queue arn and destination queue arn cannot be the same.");
        assertError(failure(engine.startMessageMoveTask(new StartMessageMoveTaskRequest(dlqArn, arnOf(fifo), null))),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "The source queue and destination queue must be of the same queue type.");
        assertThat(await(engine.listMessageMoveTasks(dlqArn, 10))).isEmpty();
    }

    @Test
    void theRateMustBeBetweenOneAndFiveHundred() {
        createDlq();
        sourceQueue("orders");
        String message = "Value for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: You must enter a"
                + " number that's between 1 and 500.";

        assertError(failure(engine.startMessageMoveTask(new StartMessageMoveTaskRequest(dlqArn, null, 0))),
                ErrorCode.INVALID_PARAMETER_VALUE, message);
        assertError(failure(engine.startMessageMoveTask(new StartMessageMoveTaskRequest(dlqArn, null, 501))),
                ErrorCode.INVALID_PARAMETER_VALUE, message);
        start(dlqArn, null, 500);
    }

    @Test
    void malformedArnsAreRefused() {
        createDlq();
        sourceQueue("orders");
        String format = ": arn:<partition>:<service>:<region>:<account-id>:<resource-id>";

        assertError(failure(engine.startMessageMoveTask(StartMessageMoveTaskRequest.toOriginalSources("orders"))),
                ErrorCode.INVALID_PARAMETER_VALUE, "You must use this format to specify the SourceArn" + format);
        assertError(failure(engine.startMessageMoveTask(new StartMessageMoveTaskRequest(dlqArn, "elsewhere", null))),
                ErrorCode.INVALID_PARAMETER_VALUE, "You must use this format to specify the DestinationArn" + format);
    }

    @Test
    void malformedOrUnknownTaskHandlesAreRefused() {
        createDlq();
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"taskId\":\"nope\",\"sourceArn\":\"" + dlqArn + "\"}").getBytes(StandardCharsets.UTF_8));

        assertError(failure(engine.cancelMessageMoveTask("not a handle")), ErrorCode.INVALID_PARAMETER_VALUE,
                "Value for parameter TaskHandle is invalid.");
        assertError(failure(engine.cancelMessageMoveTask(unknown)), ErrorCode.RESOURCE_NOT_FOUND,
                "Task does not exist.");
    }
}
