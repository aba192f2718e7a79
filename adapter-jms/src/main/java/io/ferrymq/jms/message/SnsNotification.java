package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON envelope SNS puts around a message it delivers to an SQS queue without raw delivery: the published body
 * in {@code Message}, its attributes in {@code MessageAttributes} as {@code {"Type":..,"Value":..}} with Binary values
 * in base64, the publish's {@code MessageId} and {@code Timestamp}.
 *
 * @param timestamp the publish time in epoch milliseconds, or null when absent or unreadable
 */
record SnsNotification(String message, Map<String, MessageAttributeValue> attributes, String messageId,
                       Long timestamp) {

    /** The notification in an SQS body, or null when the body is not one (then it is taken as a plain body). */
    static SnsNotification parse(String sqsBody) {
        JsonNode json;
        try {
            json = WireJson.read(sqsBody);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (json == null || !json.isObject() || !"Notification".equals(json.path("Type").textValue())
                || !json.path("Message").isTextual()) {
            return null;
        }
        return new SnsNotification(json.get("Message").textValue(), attributes(json.path("MessageAttributes")),
                json.path("MessageId").textValue(), timestamp(json.path("Timestamp").textValue()));
    }

    /** Attributes as SQS would carry them; one without a textual Type and Value, or with bad base64, is dropped. */
    private static Map<String, MessageAttributeValue> attributes(JsonNode json) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        if (!json.isObject()) {
            return attributes;
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            String type = e.getValue().path("Type").textValue();
            String value = e.getValue().path("Value").textValue();
            if (type == null || value == null) {
                continue;
            }
            if (type.equals("Binary") || type.startsWith("Binary.")) {
                try {
                    byte[] bytes = Base64.getDecoder().decode(value);
                    attributes.put(e.getKey(), new MessageAttributeValue(type, null, bytes));
                } catch (IllegalArgumentException badBase64) {
                    // dropped: not bytes SNS could have sent
                }
            } else {
                attributes.put(e.getKey(), new MessageAttributeValue(type, value, null));
            }
        }
        return attributes;
    }

    private static Long timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
