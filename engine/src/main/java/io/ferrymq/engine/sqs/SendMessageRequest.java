package io.ferrymq.engine.sqs;

import java.util.Map;

/**
 * SendMessage. {@code delaySeconds} null means the queue's DelaySeconds; {@code messageSystemAttributes} carries
 * only {@code AWSTraceHeader}; the group and deduplication ids are for FIFO queues (a standard queue accepts a
 * group id for fairness and ignores it for ordering).
 */
public record SendMessageRequest(String queueUrl, String messageBody, Integer delaySeconds,
                                 Map<String, MessageAttributeValue> messageAttributes,
                                 Map<String, MessageAttributeValue> messageSystemAttributes,
                                 String messageDeduplicationId, String messageGroupId) {
    public SendMessageRequest {
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
        messageSystemAttributes = messageSystemAttributes == null ? Map.of() : Map.copyOf(messageSystemAttributes);
    }

    public static SendMessageRequest of(String queueUrl, String body) {
        return new SendMessageRequest(queueUrl, body, null, Map.of(), Map.of(), null, null);
    }

    public SendMessageRequest withDelaySeconds(Integer seconds) {
        return new SendMessageRequest(queueUrl, messageBody, seconds, messageAttributes, messageSystemAttributes,
                messageDeduplicationId, messageGroupId);
    }

    public SendMessageRequest withMessageAttributes(Map<String, MessageAttributeValue> attributes) {
        return new SendMessageRequest(queueUrl, messageBody, delaySeconds, attributes, messageSystemAttributes,
                messageDeduplicationId, messageGroupId);
    }

    public SendMessageRequest withMessageSystemAttributes(Map<String, MessageAttributeValue> attributes) {
        return new SendMessageRequest(queueUrl, messageBody, delaySeconds, messageAttributes, attributes,
                messageDeduplicationId, messageGroupId);
    }

    public SendMessageRequest withMessageGroupId(String groupId) {
        return new SendMessageRequest(queueUrl, messageBody, delaySeconds, messageAttributes, messageSystemAttributes,
                messageDeduplicationId, groupId);
    }

    public SendMessageRequest withMessageDeduplicationId(String deduplicationId) {
        return new SendMessageRequest(queueUrl, messageBody, delaySeconds, messageAttributes, messageSystemAttributes,
                deduplicationId, messageGroupId);
    }

    /** This send as one entry of a batch. */
    public SendMessageBatchRequestEntry toEntry(String id) {
        return new SendMessageBatchRequestEntry(id, messageBody, delaySeconds, messageAttributes,
                messageSystemAttributes, messageDeduplicationId, messageGroupId);
    }
}
