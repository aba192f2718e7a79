package io.ferrymq.engine.sqs;

/** What SendMessage returns; sequenceNumber is set for FIFO queues only. */
public record SendMessageResult(String messageId, String md5OfMessageBody, String md5OfMessageAttributes,
                                String md5OfMessageSystemAttributes, String sequenceNumber) {
}
