package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferrymq.jms.FerryDestination;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * The {@code ferry.jms} attribute: a compact JSON object with the message kind, the body flag, every header that
 * travels and every property with its type. Fields holding their default are left out.
 */
final class HeaderCodec {
    static final String KIND = "k";
    static final String BODY_FLAG = "b";
    static final String MESSAGE_ID = "id";
    static final String TIMESTAMP = "ts";
    static final String CORRELATION_ID = "cid";
    static final String CORRELATION_ID_BYTES = "cidb";
    static final String REPLY_TO = "rt";
    static final String TYPE = "ty";
    static final String DELIVERY_MODE = "dm";
    static final String PRIORITY = "pr";
    static final String EXPIRATION = "ex";
    static final String DELIVERY_TIME = "dt";
    static final String ORIGIN_CONNECTION = "oc";
    static final String PROPERTIES = "p";

    private HeaderCodec() {
    }

    static String encode(FerryMessage m, BodyCodec.Body body) throws JMSException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(KIND, body.kind());
        putIfSet(json, BODY_FLAG, body.flag());
        putIfSet(json, MESSAGE_ID, m.getJMSMessageID());
        putIfSet(json, TIMESTAMP, m.getJMSTimestamp());
        if (m.hasBinaryCorrelationId()) {
            json.put(CORRELATION_ID_BYTES, Base64.getEncoder().encodeToString(m.getJMSCorrelationIDAsBytes()));
        } else {
            putIfSet(json, CORRELATION_ID, m.getJMSCorrelationID());
        }
        FerryDestination replyTo = ForeignMessages.toFerry(m.getJMSReplyTo());
        putIfSet(json, REPLY_TO, replyTo == null ? null : replyTo.wireName());
        putIfSet(json, TYPE, m.getJMSType());
        if (m.getJMSDeliveryMode() != DeliveryMode.PERSISTENT) {
            json.put(DELIVERY_MODE, m.getJMSDeliveryMode());
        }
        if (m.getJMSPriority() != Message.DEFAULT_PRIORITY) {
            json.put(PRIORITY, m.getJMSPriority());
        }
        putIfSet(json, EXPIRATION, m.getJMSExpiration());
        putIfSet(json, DELIVERY_TIME, m.getJMSDeliveryTime());
        putIfSet(json, ORIGIN_CONNECTION, m.getOriginConnectionId());
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        m.properties().asMap().forEach((name, value) -> {
            if (!name.equals(WireCodec.DELIVERY_COUNT)) { // the receiver's count, so a forward drops its old one
                properties.set(name, TypedValues.write(value));
            }
        });
        if (!properties.isEmpty()) {
            json.set(PROPERTIES, properties);
        }
        return WireJson.write(json);
    }

    /**
     * Parses the attribute.
     *
     * @throws IOException when it is not JSON, IllegalArgumentException when it is not an object with a kind
     */
    static JsonNode parse(String attribute) throws IOException {
        JsonNode json = WireJson.read(attribute);
        if (json == null || !json.isObject() || !json.path(KIND).isTextual()) {
            throw new IllegalArgumentException("Not a ferry.jms header: " + attribute);
        }
        return json;
    }

    static String kind(JsonNode json) {
        return json.get(KIND).textValue();
    }

    static String bodyFlag(JsonNode json) {
        return optionalText(json, BODY_FLAG);
    }

    /** Sets on {@code m} the headers and properties the attribute holds; anything malformed is an exception. */
    static void apply(JsonNode json, FerryMessage m) throws JMSException {
        m.setJMSMessageID(optionalText(json, MESSAGE_ID));
        m.setJMSTimestamp(optionalLong(json, TIMESTAMP));
        String correlationBytes = optionalText(json, CORRELATION_ID_BYTES);
        if (correlationBytes != null) {
            m.setJMSCorrelationIDAsBytes(Base64.getDecoder().decode(correlationBytes));
        } else {
            m.setJMSCorrelationID(optionalText(json, CORRELATION_ID));
        }
        String replyTo = optionalText(json, REPLY_TO);
        m.setJMSReplyTo(replyTo == null ? null : FerryDestination.fromWireName(replyTo));
        m.setJMSType(optionalText(json, TYPE));
        m.setJMSDeliveryMode(optionalInt(json, DELIVERY_MODE, DeliveryMode.PERSISTENT));
        m.setJMSPriority(optionalInt(json, PRIORITY, Message.DEFAULT_PRIORITY));
        m.setJMSExpiration(optionalLong(json, EXPIRATION));
        m.setJMSDeliveryTime(optionalLong(json, DELIVERY_TIME));
        m.setOriginConnectionId(optionalText(json, ORIGIN_CONNECTION));
        JsonNode properties = json.path(PROPERTIES);
        if (properties.isMissingNode()) {
            return;
        }
        if (!properties.isObject()) {
            throw new IllegalArgumentException("Properties are not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            Object value = TypedValues.read(e.getValue());
            if (!TypeConversion.isPropertyValue(value)) {
                throw new IllegalArgumentException("Property " + e.getKey() + " holds a " + value.getClass());
            }
            m.properties().put(e.getKey(), value);
        }
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode json, String field, long value) {
        if (value != 0) {
            json.put(field, value);
        }
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string: " + value);
        }
        return value.textValue();
    }

    private static long optionalLong(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not a long: " + value);
        }
        return value.longValue();
    }

    private static int optionalInt(JsonNode json, String field, int absent) {
        JsonNode value = json.get(field);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + " is not an int: " + value);
        }
        return value.intValue();
    }
}
