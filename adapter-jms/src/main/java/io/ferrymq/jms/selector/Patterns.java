package io.ferrymq.jms.selector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * The SNS filter-policy patterns the translation uses, matched against attributes as {@link FilterAttributes} encodes
 * them: strings are strings, numbers numbers, booleans JSON booleans, NaN null.
 */
final class Patterns {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Largest magnitude SNS accepts in a policy. */
    static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000L);
    /** Most digits after the point SNS accepts in a policy. */
    static final int SCALE = 5;

    static final JsonNode TRUE = JSON.booleanNode(true);
    static final JsonNode FALSE = JSON.booleanNode(false);
    /** NaN's encoding. */
    static final JsonNode NAN = JSON.nullNode();
    /** Every string, the empty one included. */
    static final JsonNode ANY_STRING = op("prefix", JSON.textNode(""));
    /** Every number (two half-lines, since a bound must be within +-1e9). */
    static final List<JsonNode> ANY_NUMBER = List.of(numeric("<", BigDecimal.ZERO), numeric(">=", BigDecimal.ZERO));

    private Patterns() {
    }

    static JsonNode string(String s) {
        return JSON.textNode(s);
    }

    /** A number as a policy may hold it; {@link #representable} must be true. */
    static JsonNode number(BigDecimal n) {
        BigDecimal v = n.stripTrailingZeros();
        return v.scale() <= 0 ? JSON.numberNode(v.longValueExact()) : JSON.numberNode(v);
    }

    /** Whether SNS accepts {@code n} in a policy: within +-1e9, at most 5 decimals. */
    static boolean representable(BigDecimal n) {
        return n.abs().compareTo(LIMIT) <= 0 && n.stripTrailingZeros().scale() <= SCALE;
    }

    static JsonNode numeric(String op, BigDecimal bound) {
        ArrayNode a = JSON.arrayNode().add(op).add(number(bound));
        return op("numeric", a);
    }

    static JsonNode numeric(String lowOp, BigDecimal low, String highOp, BigDecimal high) {
        ArrayNode a = JSON.arrayNode().add(lowOp).add(number(low)).add(highOp).add(number(high));
        return op("numeric", a);
    }

    static JsonNode exists(boolean exists) {
        return op("exists", JSON.booleanNode(exists));
    }

    static JsonNode prefix(String p) {
        return op("prefix", JSON.textNode(p));
    }

    static JsonNode suffix(String s) {
        return op("suffix", JSON.textNode(s));
    }

    /** Anything present except these values (strings, or numbers: SNS takes one kind per list). */
    static JsonNode anythingBut(List<JsonNode> values) {
        return op("anything-but", values.size() == 1 ? values.get(0) : JSON.arrayNode().addAll(values));
    }

    static JsonNode anythingButPrefix(String p) {
        return op("anything-but", op("prefix", JSON.textNode(p)));
    }

    private static ObjectNode op(String name, JsonNode operand) {
        ObjectNode o = JSON.objectNode();
        o.set(name, operand);
        return o;
    }
}
