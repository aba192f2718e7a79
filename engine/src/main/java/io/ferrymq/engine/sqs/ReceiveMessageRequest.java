package io.ferrymq.engine.sqs;

import java.util.List;

/**
 * ReceiveMessage. Null numbers mean "not given": 1 message, the queue's visibility timeout, the queue's
 * ReceiveMessageWaitTimeSeconds. Attribute name lists take {@code All}, exact names and, for message attributes,
 * prefixes such as {@code foo.*}. {@code receiveRequestAttemptId} makes a retried FIFO receive return the same batch.
 */
public record ReceiveMessageRequest(String queueUrl, Integer maxNumberOfMessages, Integer visibilityTimeout,
                                    Integer waitTimeSeconds, List<String> messageAttributeNames,
                                    List<String> messageSystemAttributeNames, String receiveRequestAttemptId) {
    public ReceiveMessageRequest {
        messageAttributeNames = messageAttributeNames == null ? List.of() : List.copyOf(messageAttributeNames);
        messageSystemAttributeNames = messageSystemAttributeNames == null ? List.of()
                : List.copyOf(messageSystemAttributeNames);
    }

    public static ReceiveMessageRequest of(String queueUrl) {
        return new ReceiveMessageRequest(queueUrl, null, null, null, List.of(), List.of(), null);
    }

    public ReceiveMessageRequest withMaxNumberOfMessages(Integer max) {
        return new ReceiveMessageRequest(queueUrl, max, visibilityTimeout, waitTimeSeconds, messageAttributeNames,
                messageSystemAttributeNames, receiveRequestAttemptId);
    }

    public ReceiveMessageRequest withVisibilityTimeout(Integer seconds) {
        return new ReceiveMessageRequest(queueUrl, maxNumberOfMessages, seconds, waitTimeSeconds,
                messageAttributeNames, messageSystemAttributeNames, receiveRequestAttemptId);
    }

    public ReceiveMessageRequest withWaitTimeSeconds(Integer seconds) {
        return new ReceiveMessageRequest(queueUrl, maxNumberOfMessages, visibilityTimeout, seconds,
                messageAttributeNames, messageSystemAttributeNames, receiveRequestAttemptId);
    }

    public ReceiveMessageRequest withMessageAttributeNames(String... names) {
        return new ReceiveMessageRequest(queueUrl, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                List.of(names), messageSystemAttributeNames, receiveRequestAttemptId);
    }

    public ReceiveMessageRequest withMessageSystemAttributeNames(String... names) {
        return new ReceiveMessageRequest(queueUrl, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                messageAttributeNames, List.of(names), receiveRequestAttemptId);
    }

    public ReceiveMessageRequest withReceiveRequestAttemptId(String attemptId) {
        return new ReceiveMessageRequest(queueUrl, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                messageAttributeNames, messageSystemAttributeNames, attemptId);
    }
}
