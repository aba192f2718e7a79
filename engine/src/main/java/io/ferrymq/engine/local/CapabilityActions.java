package io.ferrymq.engine.local;

import io.ferrymq.engine.Capability;
import io.ferrymq.engine.sqs.BrowseRequest;
import io.ferrymq.engine.sqs.BrowseResult;

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

    /** BROWSE, validated as ReceiveMessage: 1-10 messages (default 10), attribute names as there. */
    CompletableFuture<BrowseResult> browseMessages(BrowseRequest request) {
        return Futures.call(() -> {
            LocalQueue q = sqs.queue(request.queueUrl());
            int max = request.maxNumberOfMessages() == null ? 10 : request.maxNumberOfMessages();
            if (max < 1 || max > 10) {
                throw Errors.invalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
            }
            BrowseCursors.Position after = null;
            if (request.cursor() != null) {
                after = BrowseCursors.decode(request.cursor(), q.incarnation);
                if (after == null) {
                    throw Errors.invalidParameter("Cursor", request.cursor(), "Not a browse cursor of this queue.");
                }
            }
            return q.browse(after, new ReceiveOptions(max, 0, 0, request.messageAttributeNames(),
                    request.messageSystemAttributeNames(), null, null));
        });
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
