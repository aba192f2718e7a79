package io.ferrymq.jms;

import io.ferrymq.jms.message.FerryMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;

import static io.ferrymq.jms.Unchecked.unchecked;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The simplified API's producer: settings and properties set fluently, applied to each message it sends. Its
 * properties live in a message object so they follow exactly the rules and conversions of message properties.
 */
final class FerryJMSProducer implements JMSProducer {
    private final FerryContext context;
    private final MessageProducer producer;
    private final FerryMessage properties = new FerryMessage();
    private CompletionListener completionListener;
    private String correlationId;
    private byte[] correlationIdBytes;
    private String type;
    private Destination replyTo;

    FerryJMSProducer(FerryContext context, MessageProducer producer) {
        this.context = context;
        this.producer = producer;
    }


    private JMSProducer set(Unchecked.Call<?> call) {
        unchecked(call);
        return this;
    }

    // ---- sending ----

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("The message must not be null");
        }
        return set(() -> {
            for (String name : Collections.list(properties.getPropertyNames())) {
                message.setObjectProperty(name, properties.getObjectProperty(name));
            }
            if (correlationIdBytes != null) {
                message.setJMSCorrelationIDAsBytes(correlationIdBytes);
            } else if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            if (type != null) {
                message.setJMSType(type);
            }
            if (replyTo != null) {
                message.setJMSReplyTo(replyTo);
            }
            if (completionListener == null) {
                producer.send(destination, message);
            } else {
                producer.send(destination, message, completionListener);
            }
            return null;
        });
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, unchecked(() -> context.session().createTextMessage(body)));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        MapMessage m = unchecked(() -> {
            MapMessage map = context.session().createMapMessage();
            if (body != null) {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    map.setObject(e.getKey(), e.getValue());
                }
            }
            return map;
        });
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        BytesMessage m = unchecked(() -> {
            BytesMessage bytes = context.session().createBytesMessage();
            if (body != null) {
                bytes.writeBytes(body);
            }
            return bytes;
        });
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        return send(destination, unchecked(() -> context.session().createObjectMessage(body)));
    }

    // ---- settings ----

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        return set(() -> {
            producer.setDisableMessageID(value);
            return null;
        });
    }

    @Override
    public boolean getDisableMessageID() {
        return unchecked(producer::getDisableMessageID);
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        return set(() -> {
            producer.setDisableMessageTimestamp(value);
            return null;
        });
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return unchecked(producer::getDisableMessageTimestamp);
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        return set(() -> {
            producer.setDeliveryMode(deliveryMode);
            return null;
        });
    }

    @Override
    public int getDeliveryMode() {
        return unchecked(producer::getDeliveryMode);
    }

    @Override
    public JMSProducer setPriority(int priority) {
        return set(() -> {
            producer.setPriority(priority);
            return null;
        });
    }

    @Override
    public int getPriority() {
        return unchecked(producer::getPriority);
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        return set(() -> {
            producer.setTimeToLive(timeToLive);
            return null;
        });
    }

    @Override
    public long getTimeToLive() {
        return unchecked(producer::getTimeToLive);
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        return set(() -> {
            producer.setDeliveryDelay(deliveryDelay);
            return null;
        });
    }

    @Override
    public long getDeliveryDelay() {
        return unchecked(producer::getDeliveryDelay);
    }

    @Override
    public JMSProducer setAsync(CompletionListener listener) {
        this.completionListener = listener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // ---- properties ----

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        return set(() -> {
            properties.setBooleanProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        return set(() -> {
            properties.setByteProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        return set(() -> {
            properties.setShortProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        return set(() -> {
            properties.setIntProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        return set(() -> {
            properties.setLongProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        return set(() -> {
            properties.setFloatProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        return set(() -> {
            properties.setDoubleProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        return set(() -> {
            properties.setStringProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        return set(() -> {
            properties.setObjectProperty(name, value);
            return null;
        });
    }

    @Override
    public JMSProducer clearProperties() {
        return set(() -> {
            properties.clearProperties();
            return null;
        });
    }

    @Override
    public boolean propertyExists(String name) {
        return unchecked(() -> properties.propertyExists(name));
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return unchecked(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return unchecked(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return unchecked(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return unchecked(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return unchecked(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return unchecked(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return unchecked(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return unchecked(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return unchecked(() -> properties.getObjectProperty(name));
    }

    @Override
    public Set<String> getPropertyNames() {
        return unchecked(() -> new HashSet<>(Collections.list(properties.getPropertyNames())));
    }

    // ---- headers ----

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] value) {
        this.correlationIdBytes = value == null ? null : value.clone();
        this.correlationId = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationIdBytes == null ? null : correlationIdBytes.clone();
    }

    @Override
    public JMSProducer setJMSCorrelationID(String value) {
        this.correlationId = value;
        this.correlationIdBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public JMSProducer setJMSType(String value) {
        this.type = value;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination value) {
        this.replyTo = value;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
