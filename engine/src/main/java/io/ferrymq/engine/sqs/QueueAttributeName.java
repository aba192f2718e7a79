package io.ferrymq.engine.sqs;

/** The queue attribute names SQS defines, as plain strings (the wire APIs carry them as strings). */
public final class QueueAttributeName {
    public static final String ALL = "All";
    public static final String POLICY = "Policy";
    public static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    public static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    public static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
    public static final String APPROXIMATE_NUMBER_OF_MESSAGES = "ApproximateNumberOfMessages";
    public static final String APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE = "ApproximateNumberOfMessagesNotVisible";
    public static final String APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED = "ApproximateNumberOfMessagesDelayed";
    public static final String CREATED_TIMESTAMP = "CreatedTimestamp";
    public static final String LAST_MODIFIED_TIMESTAMP = "LastModifiedTimestamp";
    public static final String QUEUE_ARN = "QueueArn";
    public static final String DELAY_SECONDS = "DelaySeconds";
    public static final String RECEIVE_MESSAGE_WAIT_TIME_SECONDS = "ReceiveMessageWaitTimeSeconds";
    public static final String REDRIVE_POLICY = "RedrivePolicy";
    public static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
    public static final String FIFO_QUEUE = "FifoQueue";
    public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    public static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
    public static final String KMS_DATA_KEY_REUSE_PERIOD_SECONDS = "KmsDataKeyReusePeriodSeconds";
    public static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
    public static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";
    public static final String SQS_MANAGED_SSE_ENABLED = "SqsManagedSseEnabled";

    private QueueAttributeName() {
    }
}
