package io.ferrymq.engine.sns;

import java.util.Map;

/**
 * Subscribe: protocol {@code sqs} with the queue's ARN as endpoint, and subscription attributes (FilterPolicy,
 * FilterPolicyScope, RawMessageDelivery, RedrivePolicy, ReplayPolicy).
 */
public record SubscribeRequest(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    public SubscribeRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An SQS subscription of the queue with this ARN. */
    public static SubscribeRequest sqs(String topicArn, String queueArn) {
        return new SubscribeRequest(topicArn, "sqs", queueArn, Map.of());
    }

    public static SubscribeRequest sqs(String topicArn, String queueArn, Map<String, String> attributes) {
        return new SubscribeRequest(topicArn, "sqs", queueArn, attributes);
    }
}
