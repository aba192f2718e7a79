package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/**
 * A publish that passed validation: what every subscription sees. {@code sqsMessage} is the text for SQS endpoints
 * (the "sqs" key of a MessageStructure=json message, else its "default"); the two events are what filter policies
 * match against: the attributes as JSON (null when there are none to match) and the message as JSON (null when it is
 * not a JSON object).
 */
record PublishedMessage(String messageId, String topicArn, String sqsMessage, String subject,
                        Map<String, MessageAttributeValue> attributes, JsonNode attributeEvent, JsonNode bodyEvent,
                        String groupId, String deduplicationId, String sequenceNumber, long publishedAt,
                        String signatureVersion, int size) {
    PublishedMessage withSequenceNumber(String number) {
        return new PublishedMessage(messageId, topicArn, sqsMessage, subject, attributes, attributeEvent, bodyEvent,
                groupId, deduplicationId, number, publishedAt, signatureVersion, size);
    }

    PublishedMessage withBodyEvent(JsonNode event) {
        return new PublishedMessage(messageId, topicArn, sqsMessage, subject, attributes, attributeEvent, event,
                groupId, deduplicationId, sequenceNumber, publishedAt, signatureVersion, size);
    }
}
