package io.ferrymq.engine.sqs;

/** One entry of ChangeMessageVisibilityBatch. */
public record ChangeMessageVisibilityBatchRequestEntry(String id, String receiptHandle, int visibilityTimeout) {
}
