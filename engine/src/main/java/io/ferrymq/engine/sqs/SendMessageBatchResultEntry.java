package io.ferrymq.engine.sqs;

/** One successful entry of SendMessageBatch. */
public record SendMessageBatchResultEntry(String id, String messageId, String md5OfMessageBody,
                                          String md5OfMessageAttributes, String md5OfMessageSystemAttributes,
                                          String sequenceNumber) {
    public static SendMessageBatchResultEntry of(String id, SendMessageResult r) {
        return new SendMessageBatchResultEntry(id, r.messageId(), r.md5OfMessageBody(), r.md5OfMessageAttributes(),
                r.md5OfMessageSystemAttributes(), r.sequenceNumber());
    }
}
