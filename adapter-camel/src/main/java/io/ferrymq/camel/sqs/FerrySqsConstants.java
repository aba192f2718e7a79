package io.ferrymq.camel.sqs;

import org.apache.camel.spi.Metadata;

/** The headers ferry-sqs reads and sets: camel-aws2-sqs's, name for name, so existing route logic works. */
public final class FerrySqsConstants {
    @Metadata(label = "consumer", description = "The system attributes requested by attributeNames, by name.",
              javaType = "Map<String, String>")
    public static final String ATTRIBUTES = "CamelAwsSqsAttributes";

    @Metadata(label = "consumer", description = "The message attributes requested by messageAttributeNames.",
              javaType = "Map<String, io.ferrymq.engine.sqs.MessageAttributeValue>")
    public static final String MESSAGE_ATTRIBUTES = "CamelAwsSqsMessageAttributes";

    @Metadata(description = "The MD5 of the message body (hex, of its UTF-8 bytes).", javaType = "String")
    public static final String MD5_OF_BODY = "CamelAwsSqsMD5OfBody";

    @Metadata(description = "The message id the queue gave the message.", javaType = "String")
    public static final String MESSAGE_ID = "CamelAwsSqsMessageId";

    @Metadata(description = "The receipt handle of this receive of the message; operation=deleteMessage reads it.",
              javaType = "String")
    public static final String RECEIPT_HANDLE = "CamelAwsSqsReceiptHandle";

    @Metadata(label = "producer", description = "Seconds before the sent message becomes visible; overrides the "
            + "delaySeconds option.", javaType = "Integer")
    public static final String DELAY_HEADER = "CamelAwsSqsDelaySeconds";

    @Metadata(label = "producer", description = "A queue name prefix for operation=listQueues.", javaType = "String")
    public static final String SQS_QUEUE_PREFIX = "CamelAwsSqsPrefix";

    @Metadata(label = "producer", description = "The operation to run instead of a send; overrides the operation "
            + "option.", javaType = "io.ferrymq.camel.sqs.SqsOperation")
    public static final String SQS_OPERATION = "CamelAwsSqsOperation";

    /** The exchange property messageGroupIdStrategy=usePropertyValue reads (a property, not a header). */
    public static final String MESSAGE_GROUP_ID_PROPERTY = "CamelAwsMessageGroupId";

    /**
     * The exchange property a route sets to true to have its message deleted even with deleteAfterRead=false (when
     * deleteIfFiltered is on, as it is by default), as in camel-aws2-sqs.
     */
    public static final String SQS_DELETE_FILTERED = "CamelAwsSqsDeleteFiltered";

    private FerrySqsConstants() {
    }
}
