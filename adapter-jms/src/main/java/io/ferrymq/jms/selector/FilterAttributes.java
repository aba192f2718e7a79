package io.ferrymq.jms.selector;

import io.ferrymq.engine.sqs.MessageAttributeValue;
import jakarta.jms.Message;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SNS message attributes a JMS publish carries so that subscriptions can filter on them (the other half of
 * {@link SelectorPushDown}). One attribute per selector-usable header that has a value and per property whose name
 * SNS accepts; each value's SNS type is chosen so that no two JMS types look alike to a filter policy:
 * <ul>
 * <li>String: String; the empty string, which SNS refuses as a String, as String.Array {@code [""]}.</li>
 * <li>boolean: String.Array {@code [true]} or {@code [false]} (JSON booleans, which no string pattern matches).</li>
 * <li>byte, short, int, long, float, double: Number, under the name with {@link #NUMBER_SUFFIX} ({@code weight-num}),
 * so that no attribute carries both numbers and other values: Event Ruler 2.1.0 (the matcher of the engine and of
 * SNS) loses string and boolean matches on a key that other rules give numeric ranges. A long beyond 2^53 travels as
 * the nearest
 * double (Event Ruler compares doubles and cannot read it otherwise); beyond 1E+100, infinities, and non-zero values
 * below 1E-100 travel as +-1E+100 or +-1E-100 (SNS's Number range); NaN, which has no Number form, as String.Array
 * {@code [null]}. None of this changes a comparison with a constant a filter policy can hold (at most 1e9, 5
 * decimals).</li>
 * </ul>
 * JMSPriority and JMSTimestamp (as JMSPriority-num, JMSTimestamp-num) always have a value, so a message always has
 * an attribute and SNS's
 * {@code "exists": false} works. JMSXDeliveryCount is not carried: it is set at receipt, after SNS has filtered.
 * Call this once the send has stamped JMSMessageID and JMSTimestamp.
 */
public final class FilterAttributes {
    /** Appended to an identifier to name the attribute that carries its numeric values. */
    public static final String NUMBER_SUFFIX = "-num";
    /** A selector identifier (ASCII) that, with the suffix, is a valid SNS attribute name: under 256 bytes. */
    private static final Pattern CARRIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,250}");
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    private static final double HUGE = 1e100;
    private static final double TINY = 1e-100;

    private FilterAttributes() {
    }

    /** The filter attributes of {@code message}, headers first, then properties in the message's order. */
    public static Map<String, MessageAttributeValue> of(Message message) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        for (String header : new String[] {"JMSDeliveryMode", "JMSPriority", "JMSMessageID", "JMSTimestamp",
                "JMSCorrelationID", "JMSType"}) {
            put(out, header, SelectorValues.of(message, header));
        }
        for (String name : Collections.list(propertyNames(message))) {
            if (!SelectorValues.HEADERS.contains(name) && carries(name)) {
                put(out, name, SelectorValues.of(message, name));
            }
        }
        return out;
    }

    /**
     * Whether a selector identifier travels as an attribute of that name: the six header fields, and properties
     * named with ASCII letters, digits and underscores (SNS refuses '$' and non-ASCII), except JMSXDeliveryCount.
     */
    public static boolean carries(String identifier) {
        return CARRIED_NAME.matcher(identifier).matches() && !identifier.equals("JMSXDeliveryCount");
    }

    private static Enumeration<String> propertyNames(Message message) {
        try {
            @SuppressWarnings("unchecked")
            Enumeration<String> names = (Enumeration<String>) message.getPropertyNames();
            return names;
        } catch (Exception e) {
            return Collections.emptyEnumeration();
        }
    }

    private static void put(Map<String, MessageAttributeValue> out, String name, Object value) {
        if (value != null) {
            boolean number = value instanceof Long || value instanceof Double d && !d.isNaN(); // NaN is not a Number
            out.put(number ? numberKey(name) : name, encode(value));
        }
    }

    /** The attribute that carries the numeric values of {@code identifier}; its other values keep its name. */
    public static String numberKey(String identifier) {
        return identifier + NUMBER_SUFFIX;
    }

    /** The attribute for a value as {@link SelectorValues} gives it (String, Long, Double or Boolean). */
    static MessageAttributeValue encode(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? array("[\"\"]") : MessageAttributeValue.string(s);
        }
        if (value instanceof Boolean b) {
            return array(b ? "[true]" : "[false]");
        }
        if (value instanceof Long l) {
            return l >= -EXACT_DOUBLE_LIMIT && l <= EXACT_DOUBLE_LIMIT ? MessageAttributeValue.number(l)
                    : MessageAttributeValue.number(Double.toString(l.doubleValue()));
        }
        double d = (Double) value;
        if (Double.isNaN(d)) {
            return array("[null]");
        }
        double magnitude = Math.abs(d);
        if (magnitude >= HUGE) {
            return MessageAttributeValue.number(d > 0 ? "1E+100" : "-1E+100");
        }
        if (magnitude != 0 && magnitude < TINY) {
            return MessageAttributeValue.number(d > 0 ? "1E-100" : "-1E-100");
        }
        return MessageAttributeValue.number(Double.toString(d));
    }

    private static MessageAttributeValue array(String json) {
        return new MessageAttributeValue("String.Array", json, null);
    }
}
