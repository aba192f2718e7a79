package io.ferrymq.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * A message with headers and properties and no body; the base of FerryMQ's five body types.
 *
 * <p>A new message is writable. The provider calls {@link #markReadOnly()} on a message it delivers, after which
 * setting a property or the body throws {@link MessageNotWriteableException} until {@link #clearProperties()} or
 * {@link #clearBody()}. Headers stay settable, as the specification requires for forwarding.
 *
 * <p>Methods documented as provider-internal ({@link #setAcknowledgeCallback}, {@link #markReadOnly},
 * {@link #setProviderProperty}, {@link #getOriginConnectionId}/{@link #setOriginConnectionId},
 * {@link #fromForeign}) are for the FerryMQ provider itself, not for applications.
 */
public class FerryMessage implements Message {
    /** Provider-internal: what {@link #acknowledge()} does for a received message. */
    @FunctionalInterface
    public interface Acknowledger {
        void acknowledge() throws JMSException;
    }

    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    private final MessageProperties properties = new MessageProperties();
    private boolean propertiesReadOnly;
    private boolean bodyReadOnly;
    private Acknowledger acknowledger;
    private String originConnectionId;

    public FerryMessage() {
    }

    // --- headers -----------------------------------------------------------------------------------------------

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /** The bytes set by {@link #setJMSCorrelationIDAsBytes}, or the UTF-8 bytes of a String correlation id. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = null;
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
    }

    /** The String correlation id, or bytes set by {@link #setJMSCorrelationIDAsBytes} read as UTF-8. */
    @Override
    public String getJMSCorrelationID() {
        if (correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    /** True when the correlation id was set as bytes, which is how it travels. */
    boolean hasBinaryCorrelationId() {
        return correlationIdBytes != null;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // --- properties --------------------------------------------------------------------------------------------

    @Override
    public void clearProperties() {
        properties.clear();
        propertiesReadOnly = false;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.contains(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return TypeConversion.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return TypeConversion.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return TypeConversion.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return TypeConversion.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return TypeConversion.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return TypeConversion.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return TypeConversion.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return TypeConversion.toText(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    /** Every property name, in the order set, including JMSX ones and names that arrived from plain SQS. */
    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        setProperty(name, value);
    }

    private void setProperty(String name, Object value) throws JMSException {
        if (propertiesReadOnly) {
            throw new MessageNotWriteableException("The properties of a received message are read-only;"
                    + " clearProperties() makes them writable");
        }
        properties.set(name, value);
    }

    MessageProperties properties() {
        return properties;
    }

    // --- body --------------------------------------------------------------------------------------------------

    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
        clearBodyContent();
    }

    /** Empties the body; subclasses override. */
    void clearBodyContent() {
    }

    /** The body as {@link #getBody} returns it, or null when there is none. */
    Object body() throws JMSException {
        return null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Object body = body();
        if (body == null) {
            return null;
        }
        if (!c.isInstance(body)) {
            throw new MessageFormatException("The body is a " + body.getClass().getSimpleName()
                    + " and cannot be assigned to " + c.getName());
        }
        return c.cast(body);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        Object body;
        try {
            body = body();
        } catch (MessageFormatException e) { // an ObjectMessage that does not deserialize
            return false;
        }
        return body == null || c.isInstance(body);
    }

    final boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    final void setBodyReadOnly(boolean readOnly) {
        this.bodyReadOnly = readOnly;
    }

    final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("The body is read-only; clearBody() makes it writable");
        }
    }

    /** Makes the body read-only; BytesMessage and StreamMessage also enter read mode. */
    void makeBodyReadOnly() {
        bodyReadOnly = true;
    }

    // --- acknowledgement and provider hooks --------------------------------------------------------------------

    /** Acknowledges through the callback the provider set on receipt; a message never received does nothing. */
    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge();
        }
    }

    /** Provider-internal: what {@link #acknowledge()} calls; null for none. */
    public void setAcknowledgeCallback(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /** Provider-internal: makes properties and body read-only, as on a message delivered to a consumer. */
    public void markReadOnly() {
        propertiesReadOnly = true;
        makeBodyReadOnly();
    }

    /**
     * Provider-internal: sets a property regardless of read-only state and name rules (JMSXDeliveryCount,
     * JMSXGroupID, attributes from plain SQS). A null value removes the property.
     *
     * @throws IllegalArgumentException if the value is not of a property type
     */
    public void setProviderProperty(String name, Object value) {
        if (value == null) {
            properties.remove(name);
            return;
        }
        if (!TypeConversion.isPropertyValue(value)) {
            throw new IllegalArgumentException("Not a property type: " + value.getClass().getName());
        }
        properties.put(name, value);
    }

    /** Provider-internal: the id of the connection that sent this message (for noLocal); travels on the wire. */
    public String getOriginConnectionId() {
        return originConnectionId;
    }

    /** Provider-internal: see {@link #getOriginConnectionId()}. */
    public void setOriginConnectionId(String originConnectionId) {
        this.originConnectionId = originConnectionId;
    }

    /**
     * Provider-internal: this provider's copy of another provider's message, for sending it: headers, properties
     * and body, by the message's interface type. A FerryMessage is returned as it is.
     */
    public static FerryMessage fromForeign(Message message) throws JMSException {
        return message instanceof FerryMessage ferry ? ferry : ForeignMessages.copy(message);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", properties=" + properties.asMap() + "]";
    }
}
