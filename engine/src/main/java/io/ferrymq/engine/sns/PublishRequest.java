package io.ferrymq.engine.sns;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/**
 * Publish. Message attributes take the data types String, String.Array (a JSON array in the string value), Number and
 * Binary. {@code messageStructure} "json" makes the message a JSON object with a "default" key and optional per-protocol
 * keys; FIFO topics need a group id, and a deduplication id unless the topic has ContentBasedDeduplication.
 */
public record PublishRequest(String topicArn, String message, String subject, String messageStructure,
                             Map<String, MessageAttributeValue> messageAttributes, String messageGroupId,
                             String messageDeduplicationId) {
    public PublishRequest {
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
    }

    public static PublishRequest of(String topicArn, String message) {
        return new PublishRequest(topicArn, message, null, null, Map.of(), null, null);
    }

    public PublishRequest withSubject(String value) {
        return new PublishRequest(topicArn, message, value, messageStructure, messageAttributes, messageGroupId,
                messageDeduplicationId);
    }

    public PublishRequest withMessageStructure(String value) {
        return new PublishRequest(topicArn, message, subject, value, messageAttributes, messageGroupId,
                messageDeduplicationId);
    }

    public PublishRequest withMessageAttributes(Map<String, MessageAttributeValue> value) {
        return new PublishRequest(topicArn, message, subject, messageStructure, value, messageGroupId,
                messageDeduplicationId);
    }

    public PublishRequest withMessageGroupId(String value) {
        return new PublishRequest(topicArn, message, subject, messageStructure, messageAttributes, value,
                messageDeduplicationId);
    }

    public PublishRequest withMessageDeduplicationId(String value) {
        return new PublishRequest(topicArn, message, subject, messageStructure, messageAttributes, messageGroupId,
                value);
    }

    /** This publish as one entry of a batch. */
    public PublishBatchRequestEntry toEntry(String id) {
        return new PublishBatchRequestEntry(id, message, subject, messageStructure, messageAttributes, messageGroupId,
                messageDeduplicationId);
    }
}
