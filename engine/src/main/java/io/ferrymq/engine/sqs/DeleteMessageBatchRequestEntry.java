package io.ferrymq.engine.sqs;

/** One entry of DeleteMessageBatch. */
public record DeleteMessageBatchRequestEntry(String id, String receiptHandle) {
}
