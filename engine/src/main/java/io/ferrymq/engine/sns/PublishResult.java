package io.ferrymq.engine.sns;

/** What Publish returns; sequenceNumber is set for FIFO topics only. */
public record PublishResult(String messageId, String sequenceNumber) {
}
