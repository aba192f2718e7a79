package io.ferrymq.engine.sqs;

import java.util.Map;

/** One entry of SendMessageBatch; {@code id} is the caller's batch entry id. */
public record SendMessageBatchRequestEntry(String id, String messageBody, Integer delaySeconds,
                                           Map<String, MessageAttributeValue> messageAttributes,
                                           Map<String, MessageAttributeValue> messageSystemAttributes,
                                           String messageDeduplicationId, String messageGroupId) {
    public SendMessageBatchRequestEntry {
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
        messageSystemAttributes = messageSystemAttributes == null ? Map.of() : Map.copyOf(messageSystemAttributes);
    }

    public static SendMessageBatchRequestEntry of(String id, String body) {
        return new SendMessageBatchRequestEntry(id, body, null, Map.of(), Map.of(), null, null);
    }
}
