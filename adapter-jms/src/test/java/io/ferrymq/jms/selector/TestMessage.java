package io.ferrymq.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test fixture: a plain holder of headers and properties standing in for the provider's message class, which is
 * written in parallel. Property getters return what was set without the conversions of section 3.5.4 (selectors
 * only use getObjectProperty). Swap for FerryMessage once it exists.
 */
final class TestMessage implements Message {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    /** Sets a property of any type (for the test tables); null removes it. */
    TestMessage with(String name, Object value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        return this;
    }

    TestMessage type(String jmsType) {
        type = jmsType;
        return this;
    }

    @Override
    public String toString() {
        return "TestMessage" + properties + (type == null ? "" : " JMSType=" + type)
                + (correlationId == null ? "" : " JMSCorrelationID=" + correlationId);
    }

    // ---- headers ----

    @Override public String getJMSMessageID() { return messageId; }
    @Override public void setJMSMessageID(String id) { messageId = id; }
    @Override public long getJMSTimestamp() { return timestamp; }
    @Override public void setJMSTimestamp(long t) { timestamp = t; }
    @Override public byte[] getJMSCorrelationIDAsBytes() {
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }
    @Override public void setJMSCorrelationIDAsBytes(byte[] id) {
        correlationId = id == null ? null : new String(id, StandardCharsets.UTF_8);
    }
    @Override public void setJMSCorrelationID(String id) { correlationId = id; }
    @Override public String getJMSCorrelationID() { return correlationId; }
    @Override public Destination getJMSReplyTo() { return replyTo; }
    @Override public void setJMSReplyTo(Destination d) { replyTo = d; }
    @Override public Destination getJMSDestination() { return destination; }
    @Override public void setJMSDestination(Destination d) { destination = d; }
    @Override public int getJMSDeliveryMode() { return deliveryMode; }
    @Override public void setJMSDeliveryMode(int mode) { deliveryMode = mode; }
    @Override public boolean getJMSRedelivered() { return redelivered; }
    @Override public void setJMSRedelivered(boolean r) { redelivered = r; }
    @Override public String getJMSType() { return type; }
    @Override public void setJMSType(String t) { type = t; }
    @Override public long getJMSExpiration() { return expiration; }
    @Override public void setJMSExpiration(long e) { expiration = e; }
    @Override public long getJMSDeliveryTime() { return deliveryTime; }
    @Override public void setJMSDeliveryTime(long t) { deliveryTime = t; }
    @Override public int getJMSPriority() { return priority; }
    @Override public void setJMSPriority(int p) { priority = p; }

    // ---- properties ----

    @Override public void clearProperties() { properties.clear(); }
    @Override public boolean propertyExists(String name) { return properties.containsKey(name); }
    @Override public Object getObjectProperty(String name) { return properties.get(name); }
    @Override public Enumeration<?> getPropertyNames() { return Collections.enumeration(properties.keySet()); }

    @Override public boolean getBooleanProperty(String name) throws JMSException { return get(name, Boolean.class); }
    @Override public byte getByteProperty(String name) throws JMSException { return get(name, Byte.class); }
    @Override public short getShortProperty(String name) throws JMSException { return get(name, Short.class); }
    @Override public int getIntProperty(String name) throws JMSException { return get(name, Integer.class); }
    @Override public long getLongProperty(String name) throws JMSException { return get(name, Long.class); }
    @Override public float getFloatProperty(String name) throws JMSException { return get(name, Float.class); }
    @Override public double getDoubleProperty(String name) throws JMSException { return get(name, Double.class); }
    @Override public String getStringProperty(String name) { return (String) properties.get(name); }

    private <T> T get(String name, Class<T> type) throws JMSException {
        Object v = properties.get(name);
        if (!type.isInstance(v)) {
            throw new MessageFormatException(name + " is " + v + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override public void setBooleanProperty(String name, boolean v) { properties.put(name, v); }
    @Override public void setByteProperty(String name, byte v) { properties.put(name, v); }
    @Override public void setShortProperty(String name, short v) { properties.put(name, v); }
    @Override public void setIntProperty(String name, int v) { properties.put(name, v); }
    @Override public void setLongProperty(String name, long v) { properties.put(name, v); }
    @Override public void setFloatProperty(String name, float v) { properties.put(name, v); }
    @Override public void setDoubleProperty(String name, double v) { properties.put(name, v); }
    @Override public void setStringProperty(String name, String v) { properties.put(name, v); }
    @Override public void setObjectProperty(String name, Object v) { properties.put(name, v); }

    // ---- body (none) ----

    @Override public void acknowledge() { }
    @Override public void clearBody() { }
    @Override public <T> T getBody(Class<T> c) { return null; }
    @Override public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) { return true; }
}
