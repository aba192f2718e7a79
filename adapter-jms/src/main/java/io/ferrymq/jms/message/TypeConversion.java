package io.ferrymq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The value conversions of Jakarta Messaging §3.5.4 (properties) and §3.11.3 (MapMessage and StreamMessage values):
 * a value written as one type may be read as a wider type or as a String, a String may be read as any primitive
 * through its {@code valueOf}, and every other pair is a {@link MessageFormatException}. A missing or null value reads
 * as {@code valueOf(null)} would: false, null, NumberFormatException for the integer types and NullPointerException
 * for float, double and char. Properties never hold Character or byte[], so one table serves all three.
 */
final class TypeConversion {
    private TypeConversion() {
    }

    static boolean toBoolean(Object v) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.valueOf((String) v);
        }
        throw cannotConvert(v, "boolean");
    }

    static byte toByte(Object v) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.valueOf((String) v);
        }
        throw cannotConvert(v, "byte");
    }

    static short toShort(Object v) throws MessageFormatException {
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).shortValue();
        }
        if (v == null || v instanceof String) {
            return Short.valueOf((String) v);
        }
        throw cannotConvert(v, "short");
    }

    static char toChar(Object v) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException("No char value: char has no conversion from a null String");
        }
        throw cannotConvert(v, "char");
    }

    static int toInt(Object v) throws MessageFormatException {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v == null || v instanceof String) {
            return Integer.valueOf((String) v);
        }
        throw cannotConvert(v, "int");
    }

    static long toLong(Object v) throws MessageFormatException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v == null || v instanceof String) {
            return Long.valueOf((String) v);
        }
        throw cannotConvert(v, "long");
    }

    static float toFloat(Object v) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.valueOf((String) v);
        }
        throw cannotConvert(v, "float");
    }

    static double toDouble(Object v) throws MessageFormatException {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v == null || v instanceof String) {
            return Double.valueOf((String) v);
        }
        throw cannotConvert(v, "double");
    }

    static String toText(Object v) throws MessageFormatException {
        if (v instanceof byte[]) {
            throw cannotConvert(v, "String");
        }
        return v == null ? null : v.toString();
    }

    /** A copy of a byte[] value; nothing else converts to bytes. */
    static byte[] toBytes(Object v) throws MessageFormatException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        throw cannotConvert(v, "byte[]");
    }

    /** The types a MapMessage or StreamMessage value may have (null included). */
    static boolean isBodyValue(Object v) {
        return v == null || isPropertyValue(v) || v instanceof Character || v instanceof byte[];
    }

    /** The types a property value may have (null included). */
    static boolean isPropertyValue(Object v) {
        return v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte;
    }

    private static MessageFormatException cannotConvert(Object v, String target) {
        return new MessageFormatException("A " + v.getClass().getSimpleName() + " value cannot be read as " + target);
    }
}
