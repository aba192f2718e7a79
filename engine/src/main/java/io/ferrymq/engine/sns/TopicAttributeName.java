package io.ferrymq.engine.sns;

/** Topic attribute names SNS defines. */
public final class TopicAttributeName {
    public static final String DISPLAY_NAME = "DisplayName";
    public static final String POLICY = "Policy";
    public static final String DELIVERY_POLICY = "DeliveryPolicy";
    public static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
    public static final String SIGNATURE_VERSION = "SignatureVersion";
    public static final String TRACING_CONFIG = "TracingConfig";
    public static final String FIFO_TOPIC = "FifoTopic";
    public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    public static final String ARCHIVE_POLICY = "ArchivePolicy";
    public static final String FIFO_THROUGHPUT_SCOPE = "FifoThroughputScope";
    public static final String TOPIC_ARN = "TopicArn";
    public static final String OWNER = "Owner";
    public static final String SUBSCRIPTIONS_CONFIRMED = "SubscriptionsConfirmed";
    public static final String SUBSCRIPTIONS_PENDING = "SubscriptionsPending";
    public static final String SUBSCRIPTIONS_DELETED = "SubscriptionsDeleted";
    public static final String EFFECTIVE_DELIVERY_POLICY = "EffectiveDeliveryPolicy";
    public static final String BEGINNING_ARCHIVE_TIME = "BeginningArchiveTime";

    private TopicAttributeName() {
    }
}
