package io.ferrymq.engine.sqs;

/**
 * One entry of ListMessageMoveTasks. Status is RUNNING, COMPLETED, CANCELLING, CANCELLED or FAILED; the task handle
 * is given only while the task runs; failureReason only when it failed.
 */
public record MessageMoveTask(String taskHandle, String status, String sourceArn, String destinationArn,
                              Integer maxNumberOfMessagesPerSecond, long approximateNumberOfMessagesMoved,
                              long approximateNumberOfMessagesToMove, String failureReason,
                              long startedTimestamp) {
}
