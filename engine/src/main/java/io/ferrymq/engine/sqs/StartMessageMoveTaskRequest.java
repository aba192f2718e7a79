package io.ferrymq.engine.sqs;

/**
 * StartMessageMoveTask: move the messages of a dead-letter queue (by ARN) to {@code destinationArn}, or, when that is
 * null, back to the queue each came from; at most {@code maxNumberOfMessagesPerSecond} (1-500) when given.
 */
public record StartMessageMoveTaskRequest(String sourceArn, String destinationArn,
                                          Integer maxNumberOfMessagesPerSecond) {
    public static StartMessageMoveTaskRequest toOriginalSources(String sourceArn) {
        return new StartMessageMoveTaskRequest(sourceArn, null, null);
    }
}
