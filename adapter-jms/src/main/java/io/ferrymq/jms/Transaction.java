package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sns.PublishBatchRequest;
import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.BatchResultErrorEntry;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sends of a transaction, held until commit and then sent in batches of ten, in order, per queue or topic.
 * SQS has no multi-queue transaction: a commit whose sends fail part-way leaves the batches already accepted
 * sent (at-least-once), and reports the failure as a rollback of the rest.
 */
final class Transaction {
    private static final int BATCH = 10;
    // A batch may carry as much as one message may: 1 MiB on SQS, 256 KiB on SNS.
    private static final int SQS_BATCH_BYTES = 1_048_576;
    private static final int SNS_BATCH_BYTES = 262_144;

    private final FerryProvider provider;
    private final List<Outgoing> sends = new ArrayList<>();

    Transaction(FerryProvider provider) {
        this.provider = provider;
    }

    synchronized void add(Outgoing outgoing) {
        sends.add(outgoing);
    }

    synchronized void discard() {
        sends.clear();
    }

    /**
     * Sends every batch, in order. Batches are issued without waiting for the one before, so a durable engine
     * commits them together (one disk sync for the transaction rather than one per batch); the engine applies
     * calls in the order they are made. A FIFO queue or topic waits for each batch, so that no engine, local or
     * remote, could reorder a group.
     */
    synchronized void flush() throws JMSException {
        try {
            List<CompletableFuture<List<BatchResultErrorEntry>>> sent = new ArrayList<>();
            int from = 0;
            while (from < sends.size()) {
                int to = from + 1;
                Outgoing first = sends.get(from);
                int limit = first.topic() ? SNS_BATCH_BYTES : SQS_BATCH_BYTES;
                long bytes = first.sizeInBytes();
                while (to < sends.size() && to - from < BATCH && sameTarget(first, sends.get(to))
                        && bytes + sends.get(to).sizeInBytes() <= limit) {
                    bytes += sends.get(to).sizeInBytes();
                    to++;
                }
                CompletableFuture<List<BatchResultErrorEntry>> batch = sendBatch(sends.subList(from, to));
                if (first.address().endsWith(".fifo")) {
                    checkSent(List.of(batch));
                } else {
                    sent.add(batch);
                }
                from = to;
            }
            checkSent(sent);
        } finally {
            sends.clear();
        }
    }

    private static void checkSent(List<CompletableFuture<List<BatchResultErrorEntry>>> batches) throws JMSException {
        for (CompletableFuture<List<BatchResultErrorEntry>> batch : batches) {
            List<BatchResultErrorEntry> failed = JmsErrors.await(batch);
            if (!failed.isEmpty()) {
                BatchResultErrorEntry e = failed.get(0);
                throw new JMSException(e.message(), e.code());
            }
        }
    }

    private static boolean sameTarget(Outgoing a, Outgoing b) {
        return a.topic() == b.topic() && a.address().equals(b.address());
    }

    private CompletableFuture<List<BatchResultErrorEntry>> sendBatch(List<Outgoing> batch) {
        Engine engine = provider.engine();
        Outgoing first = batch.get(0);
        if (first.topic()) {
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (Outgoing o : batch) {
                entries.add(o.toPublishEntry(Integer.toString(entries.size())));
            }
            return engine.publishBatch(new PublishBatchRequest(first.address(), entries))
                    .thenApply(BatchResult::failed);
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Outgoing o : batch) {
            entries.add(o.toSendEntry(Integer.toString(entries.size())));
        }
        return engine.sendMessageBatch(new SendMessageBatchRequest(first.address(), entries))
                .thenApply(BatchResult::failed);
    }
}
