package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import jakarta.jms.JMSException;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a JMS message travels as an SQS message, and back.
 *
 * <p>Encoding puts every header and property, typed, in one String attribute {@value #ATTRIBUTE} (see
 * {@link HeaderCodec}) and the body in the SQS body (see {@link BodyCodec}); a text body is the text itself whenever
 * SQS accepts it. Decoding a message with that attribute gives back the message exactly as it was sent. A message
 * without it (or with one that does not parse) came from some other producer and reads as a {@link FerryTextMessage}
 * of its body, its attributes as properties (see {@link AttributeProperties}); decoding never throws.
 */
public final class WireCodec {
    /** The attribute holding the JMS headers and properties. JMS property names cannot contain a dot. */
    public static final String ATTRIBUTE = "ferry.jms";
    /** The SQS body of a message that has none, since SQS requires one; {@value #ATTRIBUTE} says what it stands for. */
    public static final String NO_BODY = "-";

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    static final String GROUP_ID = "JMSXGroupID";

    private WireCodec() {
    }

    /**
     * The SQS form of a message: its body and the {@value #ATTRIBUTE} attribute. JMSDestination, JMSRedelivered and
     * JMSXDeliveryCount do not travel: the receiving side knows them.
     *
     * @throws JMSException when JMSReplyTo is neither a Queue nor a Topic
     */
    public static EncodedMessage encode(FerryMessage message) throws JMSException {
        BodyCodec.Body body = BodyCodec.encode(message);
        String header = HeaderCodec.encode(message, body);
        return new EncodedMessage(body.sqsBody(), Map.of(ATTRIBUTE, MessageAttributeValue.string(header)));
    }

    /**
     * The JMS message an SQS message carries, read-only as a received message is, with JMSXDeliveryCount set from
     * ApproximateReceiveCount and JMSRedelivered when that is above 1 (when the receive asked for it). JMSDestination
     * is left for the caller. Never throws.
     *
     * @param snsEnvelope the SQS body is an SNS notification (a subscription without raw delivery): the published
     *                    body and attributes are taken from it; a body that is not a notification is read as is.
     *                    Without it, a notification is unwrapped only when it carries a JMS message
     */
    public static FerryMessage decode(Message sqs, boolean snsEnvelope) {
        String body = sqs.body();
        Map<String, MessageAttributeValue> attributes = sqs.messageAttributes();
        String messageId = sqs.messageId();
        Long timestamp = parseLong(sqs.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP));
        // A queue can also hold a subscription's message in its SNS envelope: a dead-letter queue that took it from
        // a topic subscription's queue. One that carries a JMS message is unwrapped too; other JSON stays as it is.
        if (snsEnvelope || !attributes.containsKey(ATTRIBUTE) && body != null && body.startsWith("{")) {
            SnsNotification notification = SnsNotification.parse(body);
            if (notification != null && (snsEnvelope || notification.attributes().containsKey(ATTRIBUTE))) {
                body = notification.message();
                attributes = notification.attributes();
                // the publish's id and time: the same for every subscriber, as a JMS topic message's are
                messageId = notification.messageId() != null ? notification.messageId() : messageId;
                timestamp = notification.timestamp() != null ? notification.timestamp() : timestamp;
            }
        }
        FerryMessage message = fromAttribute(body, attributes.get(ATTRIBUTE));
        if (message == null) {
            message = plain(body, attributes, messageId, timestamp,
                    sqs.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
        }
        Long count = parseLong(sqs.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        if (count != null && count > 0 && count <= Integer.MAX_VALUE) {
            message.setProviderProperty(DELIVERY_COUNT, count.intValue());
            message.setJMSRedelivered(count > 1);
        }
        message.markReadOnly();
        return message;
    }

    /** The message a {@value #ATTRIBUTE} attribute and body describe, or null when they do not parse. */
    private static FerryMessage fromAttribute(String body, MessageAttributeValue attribute) {
        if (attribute == null || attribute.stringValue() == null || attribute.isBinary()) {
            return null;
        }
        try {
            JsonNode header = HeaderCodec.parse(attribute.stringValue());
            FerryMessage message = BodyCodec.decode(HeaderCodec.kind(header), HeaderCodec.bodyFlag(header), body);
            HeaderCodec.apply(header, message);
            return message;
        } catch (IOException | JMSException | RuntimeException malformed) {
            // Not ours after all (or damaged): read it as a plain message rather than lose it.
            return null;
        }
    }

    private static FerryMessage plain(String body, Map<String, MessageAttributeValue> attributes, String messageId,
                                      Long timestamp, String groupId) {
        FerryTextMessage message = new FerryTextMessage(body);
        message.setJMSMessageID(messageId == null ? null : "ID:" + messageId);
        message.setJMSTimestamp(timestamp == null ? 0 : timestamp);
        for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
            Object value = AttributeProperties.valueOf(e.getValue());
            if (value != null) {
                message.setProviderProperty(e.getKey(), value);
            }
        }
        if (groupId != null) {
            message.setProviderProperty(GROUP_ID, groupId);
        }
        return message;
    }

    private static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
