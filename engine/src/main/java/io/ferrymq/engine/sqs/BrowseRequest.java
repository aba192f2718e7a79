package io.ferrymq.engine.sqs;

import java.util.List;

/**
 * A look at a queue's visible messages without leasing them ({@link io.ferrymq.engine.Capability#BROWSE}).
 * {@code cursor} is null for the first page, else the {@link BrowseResult#nextCursor()} of the previous one;
 * {@code maxNumberOfMessages} null means 10. Attribute names are as in {@link ReceiveMessageRequest}.
 */
public record BrowseRequest(String queueUrl, String cursor, Integer maxNumberOfMessages,
                            List<String> messageAttributeNames, List<String> messageSystemAttributeNames) {
    public BrowseRequest {
        messageAttributeNames = messageAttributeNames == null ? List.of() : List.copyOf(messageAttributeNames);
        messageSystemAttributeNames = messageSystemAttributeNames == null ? List.of()
                : List.copyOf(messageSystemAttributeNames);
    }

    /** The first page of up to 10 messages with every attribute. */
    public static BrowseRequest of(String queueUrl) {
        return new BrowseRequest(queueUrl, null, null, List.of("All"), List.of("All"));
    }

    public BrowseRequest withCursor(String value) {
        return new BrowseRequest(queueUrl, value, maxNumberOfMessages, messageAttributeNames,
                messageSystemAttributeNames);
    }

    public BrowseRequest withMaxNumberOfMessages(Integer value) {
        return new BrowseRequest(queueUrl, cursor, value, messageAttributeNames, messageSystemAttributeNames);
    }
}
