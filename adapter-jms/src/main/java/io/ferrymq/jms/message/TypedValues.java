package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Base64;

/**
 * One JMS value in JSON, keeping its exact Java type: the common types as plain JSON (String as a string, Boolean as
 * true/false, Integer as a number, null as null), the others as a pair {@code [tag, value]}: {@code ["b",1]} Byte,
 * {@code ["s",1]} Short, {@code ["l",1]} Long, {@code ["f","1.5"]} Float and {@code ["d","1.5"]} Double (as
 * {@code toString} text, so NaN, infinities and -0.0 survive), {@code ["c","x"]} Character, {@code ["B","AAE="]}
 * byte[] (base64). Reading rejects anything else with an IllegalArgumentException.
 */
final class TypedValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TypedValues() {
    }

    static JsonNode write(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        ArrayNode pair = NODES.arrayNode(2);
        if (v instanceof Byte b) {
            return pair.add("b").add(b);
        }
        if (v instanceof Short s) {
            return pair.add("s").add(s);
        }
        if (v instanceof Long l) {
            return pair.add("l").add(l);
        }
        if (v instanceof Float f) {
            return pair.add("f").add(Float.toString(f));
        }
        if (v instanceof Double d) {
            return pair.add("d").add(Double.toString(d));
        }
        if (v instanceof Character c) {
            return pair.add("c").add(String.valueOf(c));
        }
        if (v instanceof byte[] bytes) {
            return pair.add("B").add(Base64.getEncoder().encodeToString(bytes));
        }
        throw new IllegalArgumentException("Not a JMS value type: " + v.getClass().getName());
    }

    static Object read(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        if (!n.isArray() || n.size() != 2 || !n.get(0).isTextual()) {
            throw new IllegalArgumentException("Not a typed value: " + n);
        }
        JsonNode value = n.get(1);
        return switch (n.get(0).textValue()) {
            case "b" -> (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "s" -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case "l" -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case "f" -> Float.valueOf(text(value));
            case "d" -> Double.valueOf(text(value));
            case "c" -> character(text(value));
            case "B" -> Base64.getDecoder().decode(text(value));
            default -> throw new IllegalArgumentException("Unknown value tag: " + n);
        };
    }

    private static long integral(JsonNode value, long min, long max) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new IllegalArgumentException("Not an integer in [" + min + ", " + max + "]: " + value);
        }
        return value.longValue();
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("Not a string: " + value);
        }
        return value.textValue();
    }

    private static char character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("Not one character: " + text);
        }
        return text.charAt(0);
    }
}
