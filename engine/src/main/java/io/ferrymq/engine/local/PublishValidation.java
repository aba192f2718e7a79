package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** SNS's rules for a publish, with its error texts; turns a valid one into the {@link PublishedMessage} delivered. */
final class PublishValidation {
    static final int MAX_MESSAGE_BYTES = 262_144;
    private static final int MAX_SUBJECT_LENGTH = 100;

    private PublishValidation() {
    }

    /** Checks a publish to {@code topic} and prepares it for delivery. */
    static PublishedMessage prepare(LocalTopic topic, PublishBatchRequestEntry e, long now) {
        String message = e.message();
        if (message == null || message.isEmpty()) {
            throw SnsErrors.invalidParameter("Empty message");
        }
        String sqsMessage = message;
        if (e.messageStructure() != null) {
            if (!e.messageStructure().equals("json")) {
                throw SnsErrors.invalidParameter("MessageStructure");
            }
            sqsMessage = forSqs(message);
        }
        if (e.subject() != null && !validSubject(e.subject())) {
            throw SnsErrors.invalidParameter("Subject");
        }
        Map<String, MessageAttributeValue> attributes = new TreeMap<>();
        int size = MessageAttributeValue.utf8Length(message);
        for (Map.Entry<String, MessageAttributeValue> a : e.messageAttributes().entrySet()) {
            checkAttribute(a.getKey(), a.getValue());
            attributes.put(a.getKey(), a.getValue());
            size += a.getValue().sizeInBytes(a.getKey());
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsErrors.invalidParameter("Message too long");
        }
        TopicSettings s = topic.settings();
        String deduplicationId = e.messageDeduplicationId();
        if (topic.fifo) {
            if (e.messageGroupId() == null) {
                throw SnsErrors.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            }
            if (deduplicationId == null) {
                if (!s.contentBasedDeduplication) {
                    throw SnsErrors.invalidParameter("The topic should either have ContentBasedDeduplication enabled"
                            + " or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = Md5Digests.sha256(message);
            }
        } else if (deduplicationId != null) {
            throw SnsErrors.invalidParameter("MessageDeduplicationId Reason: The request includes"
                    + " MessageDeduplicationId parameter that is not valid for this topic type");
        }
        return new PublishedMessage(Ids.newMessageId(), topic.arn, sqsMessage, e.subject(), attributes,
                attributeEvent(attributes), e.messageGroupId(),
                deduplicationId, null, now, topic.fifo ? null : s.signatureVersion);
    }

    /** MessageStructure=json: the "sqs" entry if there is one, else "default"; non-string entries do not count. */
    private static String forSqs(String message) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(message);
        } catch (JsonProcessingException ex) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (!node.path("default").isTextual()) { // required even when there is an "sqs" entry
            throw SnsErrors.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        return node.path("sqs").isTextual() ? node.get("sqs").asText() : node.get("default").asText();
    }

    /** ASCII, starting with a letter, number or punctuation, no line breaks or control characters, under 100. */
    private static boolean validSubject(String subject) {
        if (subject.isEmpty() || subject.length() >= MAX_SUBJECT_LENGTH || subject.charAt(0) == ' ') {
            return false;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static void checkAttribute(String name, MessageAttributeValue v) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 256) {
            throw invalidValue("Length of message attribute name must be less than 256 bytes.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                throw invalidValue("Invalid non-alphanumeric character '#x" + Integer.toHexString(c).toUpperCase()
                        + "' was found in the message attribute name. Can only include alphanumeric characters,"
                        + " hyphens, underscores, or dots.");
            }
        }
        if (name.startsWith(".")) {
            throw invalidValue("Invalid message attribute name starting with character '.' was found.");
        }
        if (name.endsWith(".")) {
            throw invalidValue("Invalid message attribute name ending with character '.' was found.");
        }
        if (name.contains("..")) {
            throw invalidValue("Message attribute name can not have successive '.' character.");
        }
        String type = v == null ? null : v.dataType();
        String base = type == null ? "" : type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        if (!(base.equals("String") || base.equals("Number") || base.equals("Binary")) || type.endsWith(".")) {
            throw invalidValue("The message attribute '" + name + "' has an invalid message attribute type, the set"
                    + " of supported type prefixes is Binary, Number, and String.");
        }
        boolean binary = base.equals("Binary");
        byte[] bytes = v.binaryValue();
        if (binary ? v.stringValue() != null && bytes == null : bytes != null && v.stringValue() == null) {
            throw invalidValue("The message attribute '" + name + "' with type '" + base + "' must use field '"
                    + (binary ? "Binary" : "String") + "'.");
        }
        if (binary ? bytes == null || bytes.length == 0 : v.stringValue() == null || v.stringValue().isEmpty()) {
            throw invalidValue("The message attribute '" + name + "' must contain non-empty message attribute value"
                    + " for message attribute type '" + base + "'.");
        }
        if (base.equals("Number")) {
            try {
                new BigDecimal(v.stringValue().trim());
            } catch (NumberFormatException ex) {
                throw invalidValue("Could not cast message attribute '" + name + "' value to number.");
            }
        }
        if (type.equals("String.Array") && arrayOrNull(v.stringValue()) == null) {
            throw invalidValue("The message attribute '" + name + "' with type 'String.Array' must be a JSON array"
                    + " of strings, numbers, booleans or nulls.");
        }
    }

    private static EngineException invalidValue(String message) {
        return new EngineException(ErrorCode.SNS_INVALID_PARAMETER_VALUE, message);
    }

    /**
     * The attributes as the JSON event filter policies match in the MessageAttributes scope: strings as strings,
     * numbers as numbers, String.Array as an array; Binary is ignored. Null when nothing is left to match, since SNS
     * delivers a message without attributes to no filtered subscription (so exists:false needs some attribute).
     */
    static JsonNode attributeEvent(Map<String, MessageAttributeValue> attributes) {
        ObjectNode event = null;
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            MessageAttributeValue v = a.getValue();
            if (v.isBinary()) {
                continue;
            }
            if (event == null) {
                event = Json.MAPPER.createObjectNode();
            }
            if (v.dataType().equals("String.Array")) {
                event.set(a.getKey(), arrayOrNull(v.stringValue()));
            } else if (v.dataType().equals("Number") || v.dataType().startsWith("Number.")) {
                event.put(a.getKey(), new BigDecimal(v.stringValue().trim()));
            } else {
                event.put(a.getKey(), v.stringValue());
            }
        }
        return event;
    }

    /** The message as the JSON event filter policies match in the MessageBody scope; null unless a JSON object. */
    static JsonNode bodyEvent(String message) {
        try {
            JsonNode node = Json.MAPPER.readTree(message);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode arrayOrNull(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.isArray()) {
                for (JsonNode element : node) {
                    if (element.isContainerNode()) {
                        return null;
                    }
                }
                return node;
            }
        } catch (JsonProcessingException e) {
            // falls through
        }
        return null;
    }
}
