package io.ferrymq.engine.sqs;

import io.ferrymq.engine.EngineException;

/** One failed entry of a batch: the entry id and the error SQS gives for it. */
public record BatchResultErrorEntry(String id, boolean senderFault, String code, String message) {
    public static BatchResultErrorEntry of(String id, EngineException e) {
        return new BatchResultErrorEntry(id, e.errorCode().senderFault(), e.code(), e.getMessage());
    }
}
