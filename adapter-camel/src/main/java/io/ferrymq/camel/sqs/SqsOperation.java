package io.ferrymq.camel.sqs;

/** What a ferry-sqs producer can do besides sending one message; the names of camel-aws2-sqs's operations. */
public enum SqsOperation {
    /** Send the body's elements (a List, or a String split at batchSeparator) as one SendMessageBatch. */
    sendBatchMessage,
    /** Delete the message whose receipt handle is in the CamelAwsSqsReceiptHandle header. */
    deleteMessage,
    /** List the queue URLs, optionally those whose names start with the CamelAwsSqsPrefix header. */
    listQueues,
    /** Delete every message in the queue (at most once a minute, as SQS allows). */
    purgeQueue,
    /** Delete the queue. */
    deleteQueue
}
