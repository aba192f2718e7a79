package io.ferrymq.engine.sns;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/** One entry of PublishBatch; {@code id} is the caller's batch entry id. */
public record PublishBatchRequestEntry(String id, String message, String subject, String messageStructure,
                                       Map<String, MessageAttributeValue> messageAttributes, String messageGroupId,
                                       String messageDeduplicationId) {
    public PublishBatchRequestEntry {
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
    }

    public static PublishBatchRequestEntry of(String id, String message) {
        return new PublishBatchRequestEntry(id, message, null, null, Map.of(), null, null);
    }
}
