package io.ferrymq.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.util.Set;

/**
 * What a selector identifier stands for in a message, as one of four types: String, Long (every integral property),
 * Double (float and double properties), Boolean; null when absent. The evaluator and {@link FilterAttributes} both
 * read values here, so what SNS filters on is what the selector sees.
 */
final class SelectorValues {
    /** The header fields a selector may name (section 3.8.1.1); every other identifier is a property. */
    static final Set<String> HEADERS = Set.of("JMSDeliveryMode", "JMSPriority", "JMSMessageID", "JMSTimestamp",
            "JMSCorrelationID", "JMSType");

    private SelectorValues() {
    }

    /** The value of identifier {@code name} in {@code message}, or null. */
    static Object of(Message message, String name) {
        try {
            return switch (name) {
                case "JMSDeliveryMode" -> deliveryMode(message.getJMSDeliveryMode());
                case "JMSPriority" -> (long) message.getJMSPriority();
                case "JMSMessageID" -> message.getJMSMessageID();
                case "JMSTimestamp" -> message.getJMSTimestamp();
                case "JMSCorrelationID" -> message.getJMSCorrelationID();
                case "JMSType" -> message.getJMSType();
                default -> normalize(message.getObjectProperty(name));
            };
        } catch (JMSException | RuntimeException e) {
            return null; // a property that cannot be read is, to a selector, absent
        }
    }

    /** Selectors compare JMSDeliveryMode as the strings 'PERSISTENT' and 'NON_PERSISTENT'. */
    private static String deliveryMode(int mode) {
        return switch (mode) {
            case DeliveryMode.PERSISTENT -> "PERSISTENT";
            case DeliveryMode.NON_PERSISTENT -> "NON_PERSISTENT";
            default -> null;
        };
    }

    /**
     * One type per kind of value: byte, short, int and long become Long and float becomes Double (widening is exact,
     * and comparisons then follow Java's numeric promotion); types a property cannot have become null.
     */
    static Object normalize(Object value) {
        if (value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return null;
    }
}
