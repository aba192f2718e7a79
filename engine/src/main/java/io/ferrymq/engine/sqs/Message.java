package io.ferrymq.engine.sqs;

import java.util.Map;

/**
 * A received message. {@code attributes} are the requested system attributes (SentTimestamp, ApproximateReceiveCount,
 * ...); {@code messageAttributes} the requested user attributes, whose MD5 is {@code md5OfMessageAttributes}.
 */
public record Message(String messageId, String receiptHandle, String md5OfBody, String body,
                      Map<String, String> attributes, String md5OfMessageAttributes,
                      Map<String, MessageAttributeValue> messageAttributes) {
    public Message {
        attributes = Map.copyOf(attributes);
        messageAttributes = Map.copyOf(messageAttributes);
    }

    /** The ApproximateReceiveCount system attribute as a number, when it was requested. */
    public int receiveCount() {
        return Integer.parseInt(attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0"));
    }
}
