package io.ferrymq.engine.sns;

/** One entry of ListSubscriptions and ListSubscriptionsByTopic. */
public record Subscription(String subscriptionArn, String owner, String protocol, String endpoint, String topicArn) {
}
