package io.ferrymq.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Camel headers to message attributes and back, by camel-aws2-sqs's rules (String, Number.int and the other
 * Number.* types, Binary), so a route's headers arrive as the same attributes and come back as the same Java types.
 * SNS takes no custom types: there a number is a Number and a list a String.Array, so filter policies match them.
 * Nothing is dropped to stay within the 10-attribute limit: the engine refuses the message with SQS's own error.
 */
public final class MessageAttributes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageAttributes() {
    }

    /** The attributes for the headers the filter lets out, in header order; headers with no attribute form are left. */
    public static Map<String, MessageAttributeValue> fromHeaders(Map<String, Object> headers,
                                                                 HeaderFilterStrategy filter, Exchange exchange,
                                                                 Function<Object, MessageAttributeValue> mapping) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!filter.applyFilterToCamelHeaders(name, value, exchange)) {
                MessageAttributeValue attribute = mapping.apply(value);
                if (attribute != null) {
                    attributes.put(name, attribute);
                }
            }
        });
        return attributes;
    }

    /** As camel-aws2-sqs: non-empty String, byte[]/ByteBuffer, Boolean (Number.Boolean), Number.int etc., Date. */
    public static MessageAttributeValue forSqs(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? null : MessageAttributeValue.string(s);
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return MessageAttributeValue.binary(bytes(value));
        }
        if (value instanceof Boolean b) {
            return new MessageAttributeValue("Number.Boolean", b ? "1" : "0", null);
        }
        if (value instanceof Number n) {
            return new MessageAttributeValue(sqsNumberType(n), n.toString(), null);
        }
        if (value instanceof Date) {
            return MessageAttributeValue.string(value.toString());
        }
        return null;
    }

    /** For SNS: String, Number, Binary and String.Array (a JSON array) only, the types filter policies know. */
    public static MessageAttributeValue forSns(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? null : MessageAttributeValue.string(s);
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return MessageAttributeValue.binary(bytes(value));
        }
        if (value instanceof Number n) {
            String plain = plainNumber(n);
            return plain == null ? MessageAttributeValue.string(n.toString()) : MessageAttributeValue.number(plain);
        }
        if (value instanceof Boolean || value instanceof Date) {
            return MessageAttributeValue.string(value.toString());
        }
        if (value instanceof List<?> list) {
            try {
                return new MessageAttributeValue("String.Array", JSON.writeValueAsString(list), null);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("A list header must hold strings, numbers or booleans: " + list, e);
            }
        }
        return null;
    }

    /** The header value for a received attribute, as camel-aws2-sqs gives it (binary values as byte[]). */
    public static Object toHeader(MessageAttributeValue attribute) {
        if (attribute.isBinary()) {
            return attribute.binaryValue();
        }
        String s = attribute.stringValue();
        return switch (attribute.dataType()) {
            case "Number.Boolean" -> "1".equals(s);
            case "Number.int" -> Integer.valueOf(s);
            case "Number.byte" -> Byte.valueOf(s);
            case "Number.double" -> Double.valueOf(s);
            case "Number.float" -> Float.valueOf(s);
            case "Number.long" -> Long.valueOf(s);
            case "Number.short" -> Short.valueOf(s);
            default -> s;
        };
    }

    private static String sqsNumberType(Number n) {
        if (n instanceof Integer) {
            return "Number.int";
        } else if (n instanceof Byte) {
            return "Number.byte";
        } else if (n instanceof Double) {
            return "Number.double";
        } else if (n instanceof Float) {
            return "Number.float";
        } else if (n instanceof Long) {
            return "Number.long";
        } else if (n instanceof Short) {
            return "Number.short";
        }
        return "Number";
    }

    /** A number in plain notation (SNS takes no exponent), or null for NaN and the infinities. */
    private static String plainNumber(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(n.toString()).toPlainString() : null;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }
}
