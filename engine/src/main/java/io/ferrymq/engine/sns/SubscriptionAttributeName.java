package io.ferrymq.engine.sns;

/** Subscription attribute names SNS defines. */
public final class SubscriptionAttributeName {
    public static final String FILTER_POLICY = "FilterPolicy";
    public static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    public static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    public static final String REDRIVE_POLICY = "RedrivePolicy";
    public static final String REPLAY_POLICY = "ReplayPolicy";
    public static final String REPLAY_STATUS = "ReplayStatus";
    public static final String DELIVERY_POLICY = "DeliveryPolicy";
    public static final String SUBSCRIPTION_ROLE_ARN = "SubscriptionRoleArn";
    public static final String SUBSCRIPTION_ARN = "SubscriptionArn";
    public static final String TOPIC_ARN = "TopicArn";
    public static final String OWNER = "Owner";
    public static final String PROTOCOL = "Protocol";
    public static final String ENDPOINT = "Endpoint";
    public static final String CONFIRMATION_WAS_AUTHENTICATED = "ConfirmationWasAuthenticated";
    public static final String PENDING_CONFIRMATION = "PendingConfirmation";

    private SubscriptionAttributeName() {
    }
}
