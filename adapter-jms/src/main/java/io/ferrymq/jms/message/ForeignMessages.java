package io.ferrymq.jms.message;

import io.ferrymq.jms.FerryDestination;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Enumeration;

/**
 * Copies another provider's message into a FerryMessage of the same interface type, for sending. The foreign message
 * is only read (BytesMessage and StreamMessage are reset to read them, as the sending provider would).
 */
final class ForeignMessages {
    private ForeignMessages() {
    }

    static FerryMessage copy(Message foreign) throws JMSException {
        FerryMessage copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        for (Enumeration<?> names = foreign.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            Object value = foreign.getObjectProperty(name);
            if (TypeConversion.isPropertyValue(value)) { // another provider may hold types JMS does not allow
                copy.properties().put(name, value);
            }
        }
        return copy;
    }

    private static FerryMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new FerryTextMessage(text.getText());
        }
        if (foreign instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            FerryBytesMessage copy = new FerryBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        if (foreign instanceof MapMessage map) {
            FerryMapMessage copy = new FerryMapMessage();
            for (Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (foreign instanceof StreamMessage stream) {
            stream.reset();
            FerryStreamMessage copy = new FerryStreamMessage();
            try {
                while (true) {
                    copy.writeObject(stream.readObject());
                }
            } catch (MessageEOFException end) {
                return copy;
            }
        }
        if (foreign instanceof ObjectMessage object) {
            return new FerryObjectMessage(object.getObject());
        }
        return new FerryMessage();
    }

    private static void copyHeaders(Message foreign, FerryMessage copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        String correlationId = foreign.getJMSCorrelationID();
        byte[] correlationBytes = correlationIdBytes(foreign);
        // Bytes that are not just the String's encoding were set as bytes (providers may show them as some text).
        if (correlationBytes != null && (correlationId == null
                || !Arrays.equals(correlationBytes, correlationId.getBytes(StandardCharsets.UTF_8)))) {
            copy.setJMSCorrelationIDAsBytes(correlationBytes);
        } else {
            copy.setJMSCorrelationID(correlationId);
        }
        copy.setJMSReplyTo(toFerry(foreign.getJMSReplyTo()));
        copy.setJMSDestination(toFerry(foreign.getJMSDestination()));
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSRedelivered(foreign.getJMSRedelivered());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSPriority(foreign.getJMSPriority());
        try {
            copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        } catch (AbstractMethodError | UnsupportedOperationException | JMSException e) {
            // a JMS 1.1 provider has no delivery time: it stays 0
        }
    }

    private static byte[] correlationIdBytes(Message foreign) {
        try {
            return foreign.getJMSCorrelationIDAsBytes();
        } catch (JMSException | UnsupportedOperationException e) { // providers may refuse when none was set
            return null;
        }
    }

    /** The FerryMQ destination with the same kind and name; null stays null. */
    static FerryDestination toFerry(Destination destination) throws JMSException {
        if (destination == null || destination instanceof FerryDestination) {
            return (FerryDestination) destination;
        }
        String kind;
        String name;
        if (destination instanceof TemporaryQueue q) {
            kind = "temp-queue";
            name = q.getQueueName();
        } else if (destination instanceof Queue q) {
            kind = "queue";
            name = q.getQueueName();
        } else if (destination instanceof TemporaryTopic t) {
            kind = "temp-topic";
            name = t.getTopicName();
        } else if (destination instanceof Topic t) {
            kind = "topic";
            name = t.getTopicName();
        } else {
            throw new InvalidDestinationException("Neither a Queue nor a Topic: " + destination);
        }
        return FerryDestination.fromWireName(kind + "://" + name);
    }
}
