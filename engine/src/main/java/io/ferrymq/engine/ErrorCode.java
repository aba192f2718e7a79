package io.ferrymq.engine;

/**
 * The errors the engine reports, named as SQS and SNS name them. {@link #code()} is the AWS JSON protocol
 * {@code __type}; {@link #queryCode()} is what the older Query protocol (and {@code x-amzn-query-error}) calls it.
 */
public enum ErrorCode {
    QUEUE_DOES_NOT_EXIST("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
    QUEUE_DELETED_RECENTLY("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently"),
    QUEUE_NAME_EXISTS("QueueNameExists", "QueueAlreadyExists"),
    RECEIPT_HANDLE_IS_INVALID("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid"),
    MESSAGE_NOT_INFLIGHT("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight"),
    INVALID_MESSAGE_CONTENTS("InvalidMessageContents", "InvalidMessageContents"),
    BATCH_ENTRY_IDS_NOT_DISTINCT("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
    TOO_MANY_ENTRIES_IN_BATCH_REQUEST("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
    EMPTY_BATCH_REQUEST("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"),
    INVALID_BATCH_ENTRY_ID("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"),
    BATCH_REQUEST_TOO_LONG("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong"),
    INVALID_ATTRIBUTE_NAME("InvalidAttributeName", "InvalidAttributeName"),
    INVALID_ATTRIBUTE_VALUE("InvalidAttributeValue", "InvalidAttributeValue"),
    INVALID_ID_FORMAT("InvalidIdFormat", "InvalidIdFormat"),
    OVER_LIMIT("OverLimit", "OverLimit", 403),
    PURGE_QUEUE_IN_PROGRESS("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403),
    UNSUPPORTED_OPERATION("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation"),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", "ResourceNotFoundException", 404),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", "InvalidParameterValue"),
    MISSING_PARAMETER("MissingParameter", "MissingParameter"),
    INTERNAL_ERROR("InternalError", "InternalError", 500),

    // SNS (Query protocol only; code and query code are the same)
    SNS_INVALID_PARAMETER("InvalidParameter", "InvalidParameter"),
    SNS_INVALID_PARAMETER_VALUE("ParameterValueInvalid", "ParameterValueInvalid"),
    SNS_NOT_FOUND("NotFound", "NotFound", 404),
    SNS_RESOURCE_NOT_FOUND("ResourceNotFound", "ResourceNotFound", 404),
    SNS_TAG_LIMIT_EXCEEDED("TagLimitExceeded", "TagLimitExceeded"),
    SNS_TOO_MANY_ENTRIES_IN_BATCH_REQUEST("TooManyEntriesInBatchRequest", "TooManyEntriesInBatchRequest"),
    SNS_EMPTY_BATCH_REQUEST("EmptyBatchRequest", "EmptyBatchRequest"),
    SNS_BATCH_ENTRY_IDS_NOT_DISTINCT("BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinct"),
    SNS_INVALID_BATCH_ENTRY_ID("InvalidBatchEntryId", "InvalidBatchEntryId"),
    SNS_BATCH_REQUEST_TOO_LONG("BatchRequestTooLong", "BatchRequestTooLong");

    private final String code;
    private final String queryCode;
    private final int httpStatus;

    ErrorCode(String code, String queryCode) {
        this(code, queryCode, 400);
    }

    ErrorCode(String code, String queryCode, int httpStatus) {
        this.code = code;
        this.queryCode = queryCode;
        this.httpStatus = httpStatus;
    }

    /** The HTTP status SQS answers this error with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The AWS JSON protocol error type, e.g. {@code QueueDoesNotExist}. */
    public String code() {
        return code;
    }

    /** The Query protocol error code, e.g. {@code AWS.SimpleQueueService.NonExistentQueue}. */
    public String queryCode() {
        return queryCode;
    }

    /** True when the caller's request is at fault (HTTP 400), false for the service's own failures. */
    public boolean senderFault() {
        return httpStatus < 500;
    }
}
