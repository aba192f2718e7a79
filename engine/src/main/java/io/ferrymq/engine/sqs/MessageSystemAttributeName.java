package io.ferrymq.engine.sqs;

/** The system attribute names a received message can carry. */
public final class MessageSystemAttributeName {
    public static final String ALL = "All";
    public static final String SENDER_ID = "SenderId";
    public static final String SENT_TIMESTAMP = "SentTimestamp";
    public static final String APPROXIMATE_RECEIVE_COUNT = "ApproximateReceiveCount";
    public static final String APPROXIMATE_FIRST_RECEIVE_TIMESTAMP = "ApproximateFirstReceiveTimestamp";
    public static final String SEQUENCE_NUMBER = "SequenceNumber";
    public static final String MESSAGE_DEDUPLICATION_ID = "MessageDeduplicationId";
    public static final String MESSAGE_GROUP_ID = "MessageGroupId";
    public static final String AWS_TRACE_HEADER = "AWSTraceHeader";
    public static final String DEAD_LETTER_QUEUE_SOURCE_ARN = "DeadLetterQueueSourceArn";

    private MessageSystemAttributeName() {
    }
}
