package io.ferrymq.jms.message;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How an SQS (or SNS) message attribute from a producer that is not FerryMQ JMS reads as a JMS property. Never
 * throws: a value that does not fit its declared type is kept as its text, and one with no usable value is skipped.
 * <ul>
 * <li>{@code String} and {@code String.*} (SNS's {@code String.Array} included, as its JSON text): a String.</li>
 * <li>{@code Number.int|long|short|byte|float|double|Boolean} (the custom types the AWS SQS JMS library writes; the
 * suffix in any case): that Java type, when the value parses as it ({@code Boolean} from 1/0 or true/false).</li>
 * <li>{@code Number} and other {@code Number.*}: an Integer when the text is an integer that fits, else a Long when
 * it fits, else a Double; a text with a decimal point or exponent is a Double even when its value is whole, so a
 * price sent as "2.00" reads with getDoubleProperty like "2.50" does. Text that is not a number stays a String.</li>
 * <li>{@code Binary} and {@code Binary.*}: skipped, since no JMS property type holds bytes.</li>
 * <li>Any other data type: a String when it has a string value, else skipped.</li>
 * </ul>
 */
final class AttributeProperties {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private AttributeProperties() {
    }

    /** The property value for this attribute, or null to skip it. */
    static Object valueOf(MessageAttributeValue attribute) {
        if (attribute == null || attribute.isBinary()) {
            return null;
        }
        String type = attribute.dataType() == null ? "" : attribute.dataType();
        String text = attribute.stringValue();
        if (text == null) {
            return null;
        }
        if (type.equals("Number") || type.startsWith("Number.")) {
            Object hinted = type.length() > 7 ? hinted(type.substring(7).toLowerCase(Locale.ROOT), text.trim()) : null;
            return hinted != null ? hinted : number(text);
        }
        return text;
    }

    /** The value as the custom type suffix names it, or null when the suffix is unknown or the text does not fit. */
    private static Object hinted(String suffix, String text) {
        try {
            return switch (suffix) {
                case "int" -> Integer.valueOf(text);
                case "long" -> Long.valueOf(text);
                case "short" -> Short.valueOf(text);
                case "byte" -> Byte.valueOf(text);
                case "float" -> fitsFloat(Float.valueOf(text), text);
                case "double" -> Double.valueOf(text);
                case "boolean" -> bool(text);
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A float that overflowed to infinity does not fit; the generic rule keeps it as a Double. */
    private static Float fitsFloat(Float value, String text) {
        return value.isInfinite() && !text.contains("Infinity") ? null : value;
    }

    private static Boolean bool(String text) {
        if (text.equals("1") || text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equals("0") || text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static Object number(String text) {
        String trimmed = text.trim();
        BigDecimal n;
        try {
            n = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            return text;
        }
        if (INTEGER.matcher(trimmed).matches() && n.toBigIntegerExact().bitLength() < 64) {
            long l = n.longValue();
            if (l == (int) l) {
                return Integer.valueOf((int) l);
            }
            return Long.valueOf(l);
        }
        return n.doubleValue();
    }
}
