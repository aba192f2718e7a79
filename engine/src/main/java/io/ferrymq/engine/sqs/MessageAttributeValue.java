package io.ferrymq.engine.sqs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message attribute as SQS carries it: a data type ({@code String}, {@code Number}, {@code Binary}, each optionally
 * with a custom suffix such as {@code Number.int}) and either a string value or a binary value.
 */
public final class MessageAttributeValue {
    private final String dataType;
    private final String stringValue;
    private final byte[] binaryValue;

    public MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {
        this.dataType = dataType;
        this.stringValue = stringValue;
        this.binaryValue = binaryValue == null ? null : binaryValue.clone();
    }

    public static MessageAttributeValue string(String value) {
        return new MessageAttributeValue("String", value, null);
    }

    public static MessageAttributeValue number(String value) {
        return new MessageAttributeValue("Number", value, null);
    }

    public static MessageAttributeValue number(long value) {
        return number(Long.toString(value));
    }

    public static MessageAttributeValue binary(byte[] value) {
        return new MessageAttributeValue("Binary", null, value);
    }

    public String dataType() {
        return dataType;
    }

    public String stringValue() {
        return stringValue;
    }

    /** A copy of the binary value, or null. */
    public byte[] binaryValue() {
        return binaryValue == null ? null : binaryValue.clone();
    }

    /** True when the data type is Binary or a custom Binary type. */
    public boolean isBinary() {
        return dataType != null && (dataType.equals("Binary") || dataType.startsWith("Binary."));
    }

    /** Bytes this attribute counts against the message size limit: name, type and value. */
    public int sizeInBytes(String name) {
        return utf8Length(name) + utf8Length(dataType)
                + (binaryValue != null ? binaryValue.length : utf8Length(stringValue));
    }

    /** Bytes of the text in UTF-8, counted without encoding it. */
    public static int utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageAttributeValue v
                && Objects.equals(dataType, v.dataType)
                && Objects.equals(stringValue, v.stringValue)
                && Arrays.equals(binaryValue, v.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue) * 31 + Arrays.hashCode(binaryValue);
    }

    @Override
    public String toString() {
        return dataType + "=" + (binaryValue != null ? "<" + binaryValue.length + " bytes>" : stringValue);
    }
}
