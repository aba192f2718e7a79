package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/**
 * A publish that passed validation: what every subscription sees. {@code sqsMessage} is the text for SQS endpoints
 * (the "sqs" key of a MessageStructure=json message, else its "default"); {@code attributeEvent} is what filter
 * policies in the MessageAttributes scope match against (null when there is nothing to match). The body is parsed
 * for MessageBody-scope policies only by a router that has some.
 */
record PublishedMessage(String messageId, String topicArn, String sqsMessage, String subject,
                        Map<String, MessageAttributeValue> attributes, JsonNode attributeEvent,
                        String groupId, String deduplicationId, String sequenceNumber, long publishedAt,
                        String signatureVersion) {
    PublishedMessage withSequenceNumber(String number) {
        return new PublishedMessage(messageId, topicArn, sqsMessage, subject, attributes, attributeEvent, groupId,
                deduplicationId, number, publishedAt, signatureVersion);
    }
}
