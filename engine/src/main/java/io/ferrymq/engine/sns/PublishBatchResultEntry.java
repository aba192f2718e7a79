package io.ferrymq.engine.sns;

/** One successful entry of PublishBatch. */
public record PublishBatchResultEntry(String id, String messageId, String sequenceNumber) {
}
