package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message whose body is a set of named values (boxed primitives, Character, String, byte[] or null), read back
 * under the conversions of §3.11.3. Names keep the order they were first set in; byte[] values are copied in and out.
 */
public class FerryMapMessage extends FerryMessage implements MapMessage {
    private final Map<String, Object> map = new LinkedHashMap<>();

    public FerryMapMessage() {
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypeConversion.toBoolean(map.get(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypeConversion.toByte(map.get(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypeConversion.toShort(map.get(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypeConversion.toChar(map.get(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypeConversion.toInt(map.get(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypeConversion.toLong(map.get(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypeConversion.toFloat(map.get(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypeConversion.toDouble(map.get(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypeConversion.toText(map.get(name));
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return TypeConversion.toBytes(map.get(name));
    }

    @Override
    public Object getObject(String name) {
        Object value = map.get(name);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(map.keySet().stream().toList());
    }

    @Override
    public boolean itemExists(String name) {
        return map.containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        put(name, copy);
    }

    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (!TypeConversion.isBodyValue(value)) {
            throw new MessageFormatException("A MapMessage cannot hold a " + value.getClass().getName());
        }
        put(name, value instanceof byte[] bytes ? bytes.clone() : value);
    }

    private void put(String name, Object value) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A MapMessage name cannot be null or empty");
        }
        checkBodyWritable();
        map.put(name, value);
    }

    /** The entries as they are held (byte[] not copied), for the codec. */
    Map<String, Object> entries() {
        return Collections.unmodifiableMap(map);
    }

    /** Adds an entry without the writable check, for the codec. */
    void putEntry(String name, Object value) {
        map.put(name, value);
    }

    @Override
    void clearBodyContent() {
        map.clear();
    }

    /** A copy, as getBody(Map.class) returns it; null when empty, which counts as no body. */
    @Override
    Object body() {
        if (map.isEmpty()) {
            return null;
        }
        Map<String, Object> copy = new HashMap<>();
        map.forEach((name, value) -> copy.put(name, value instanceof byte[] bytes ? bytes.clone() : value));
        return copy;
    }
}
