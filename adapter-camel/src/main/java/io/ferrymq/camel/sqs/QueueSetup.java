package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.camel.MessageDeduplicationIdStrategy;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.QueueAttributeName;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds an endpoint's queue when it starts, creating it with autoCreateQueue. As camel-aws2-sqs does, the queue
 * options given (redrivePolicy, defaultVisibilityTimeout, ...) are set on the queue whether it was created now or
 * existed, so the route's declaration holds.
 */
final class QueueSetup {
    private QueueSetup() {
    }

    static String queueUrl(Engine engine, String queueName, boolean fifo, FerrySqsConfiguration c) {
        Map<String, String> attributes = attributes(c);
        String url;
        try {
            url = EngineCalls.await(engine.getQueueUrl(queueName, c.getQueueOwnerAWSAccountId()));
        } catch (EngineException e) {
            if (e.errorCode() != ErrorCode.QUEUE_DOES_NOT_EXIST || !c.isAutoCreateQueue()) {
                throw new IllegalStateException("The queue '" + queueName + "' cannot be used (" + e
                        + (e.errorCode() == ErrorCode.QUEUE_DOES_NOT_EXIST
                        ? "); create it first or set autoCreateQueue=true" : ")"), e);
            }
            return create(engine, queueName, fifo, c, attributes);
        }
        if (!attributes.isEmpty()) {
            try {
                EngineCalls.await(engine.setQueueAttributes(url, attributes));
            } catch (EngineException e) {
                throw new IllegalArgumentException("The queue '" + queueName + "' does not take the queue options "
                        + optionsOf(attributes) + " (" + e + ")", e);
            }
        }
        return url;
    }

    private static String create(Engine engine, String queueName, boolean fifo, FerrySqsConfiguration c,
                                 Map<String, String> attributes) {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        if (fifo) {
            all.put(QueueAttributeName.FIFO_QUEUE, "true");
            all.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(
                    c.getMessageDeduplicationIdStrategy()
                            == MessageDeduplicationIdStrategy.useContentBasedDeduplication));
        }
        try {
            return EngineCalls.await(engine.createQueue(CreateQueueRequest.of(queueName, all)));
        } catch (EngineException e) {
            throw new IllegalArgumentException("The queue '" + queueName + "' could not be created"
                    + (attributes.isEmpty() ? "" : " with the queue options " + optionsOf(attributes)) + " (" + e
                    + ")", e);
        }
    }

    /** The queue attributes the endpoint's options set, by SQS attribute name. */
    private static Map<String, String> attributes(FerrySqsConfiguration c) {
        Map<String, String> a = new LinkedHashMap<>();
        put(a, QueueAttributeName.VISIBILITY_TIMEOUT, c.getDefaultVisibilityTimeout());
        put(a, QueueAttributeName.MAXIMUM_MESSAGE_SIZE, c.getMaximumMessageSize());
        put(a, QueueAttributeName.MESSAGE_RETENTION_PERIOD, c.getMessageRetentionPeriod());
        put(a, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, c.getReceiveMessageWaitTimeSeconds());
        if (c.isDelayQueue()) {
            put(a, QueueAttributeName.DELAY_SECONDS, c.getDelaySeconds());
        }
        put(a, QueueAttributeName.REDRIVE_POLICY, c.getRedrivePolicy());
        return a;
    }

    private static void put(Map<String, String> attributes, String name, Object value) {
        if (value != null) {
            attributes.put(name, value.toString());
        }
    }

    /** The endpoint options behind these attributes, for error messages. */
    private static String optionsOf(Map<String, String> attributes) {
        return String.join(", ", attributes.keySet().stream().map(name -> switch (name) {
            case QueueAttributeName.VISIBILITY_TIMEOUT -> "defaultVisibilityTimeout";
            case QueueAttributeName.MAXIMUM_MESSAGE_SIZE -> "maximumMessageSize";
            case QueueAttributeName.MESSAGE_RETENTION_PERIOD -> "messageRetentionPeriod";
            case QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> "receiveMessageWaitTimeSeconds";
            case QueueAttributeName.DELAY_SECONDS -> "delaySeconds (delayQueue)";
            case QueueAttributeName.REDRIVE_POLICY -> "redrivePolicy";
            default -> name;
        }).toList());
    }
}
