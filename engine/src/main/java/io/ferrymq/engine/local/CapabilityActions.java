package io.ferrymq.engine.local;

import io.ferrymq.engine.Capability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The queue actions beyond SQS that LocalEngine offers ({@link Capability}), validated as the SQS actions they
 * resemble. Selective receive shares ReceiveMessage's path in {@link SqsActions}.
 */
final class CapabilityActions {
    private final SqsActions sqs;

    CapabilityActions(SqsActions sqs) {
        this.sqs = sqs;
    }

    /** RELEASE; every handle must be one of this queue's (ReceiptHandleIsInvalid else) before any is released. */
    CompletableFuture<Void> releaseMessages(String queueUrl, List<String> receiptHandles) {
        return Futures.durably(acks -> {
            LocalQueue q = sqs.queue(queueUrl);
            if (receiptHandles == null) {
                throw Errors.missingParameter("ReceiptHandles");
            }
            List<ReceiptHandles.Decoded> handles = new ArrayList<>(receiptHandles.size());
            for (String handle : receiptHandles) {
                handles.add(SqsActions.decodeHandle(q, handle));
            }
            if (!handles.isEmpty()) {
                q.release(handles, acks);
            }
            return null;
        });
    }
}
