package io.ferrymq.jms.message;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/**
 * A JMS message as SQS carries it: a body SQS accepts and the message attributes (only {@code ferry.jms}).
 * The same pair is what an SNS publish takes.
 */
public record EncodedMessage(String body, Map<String, MessageAttributeValue> attributes) {
    public EncodedMessage {
        attributes = Map.copyOf(attributes);
    }

    /** Bytes this message counts against SQS's (and SNS's) size limit: the body and each attribute as SQS counts it. */
    public int sizeInBytes() {
        int size = MessageAttributeValue.utf8Length(body);
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            size += e.getValue().sizeInBytes(e.getKey());
        }
        return size;
    }
}
