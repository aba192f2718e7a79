package io.ferrymq.jms;

import io.ferrymq.engine.Capability;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three ends a delivery can come to, each in batches of ten per queue: consumed (deleted), redelivered
 * (visible again, the receive counted: rollback, recover, a listener that threw), or released (handed back as if
 * never received: prefetched messages the application never saw).
 */
final class Settlement {
    private static final int BATCH = 10;

    private Settlement() {
    }

    /** Consumed, durably: what acknowledge() and commit() wait for. */
    static CompletableFuture<Void> consume(FerryProvider provider, Collection<Delivery> deliveries) {
        return consume(provider, deliveries, true);
    }

    /**
     * Consumed, without a sync of its own: AUTO and DUPS_OK acknowledgements, which nobody waits for. A broker
     * acknowledges them so too (Artemis writes them unsynced); if the engine dies first, they come again.
     */
    static CompletableFuture<Void> consumeUnsynced(FerryProvider provider, Collection<Delivery> deliveries) {
        return consume(provider, deliveries, false);
    }

    private static CompletableFuture<Void> consume(FerryProvider provider, Collection<Delivery> deliveries,
                                                   boolean durably) {
        Engine engine = provider.engine();
        return perQueue(deliveries, (queueUrl, batch) -> {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (Delivery d : batch) {
                entries.add(new DeleteMessageBatchRequestEntry(Integer.toString(entries.size()), d.receiptHandle()));
            }
            return (durably ? engine.deleteMessageBatch(queueUrl, entries)
                    : engine.deleteMessageBatchUnsynced(queueUrl, entries)).thenApply(r -> null);
        });
    }

    static CompletableFuture<Void> redeliver(FerryProvider provider, Collection<Delivery> deliveries) {
        Engine engine = provider.engine();
        return perQueue(deliveries, (queueUrl, batch) -> {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (Delivery d : batch) {
                entries.add(new ChangeMessageVisibilityBatchRequestEntry(Integer.toString(entries.size()),
                        d.receiptHandle(), 0));
            }
            return engine.changeMessageVisibilityBatch(queueUrl, entries).thenApply(r -> null);
        });
    }

    /** Without the engine's RELEASE capability this is a redelivery, and the receive counts. */
    static CompletableFuture<Void> release(FerryProvider provider, Collection<Delivery> deliveries) {
        if (!provider.has(Capability.RELEASE)) {
            return redeliver(provider, deliveries);
        }
        Engine engine = provider.engine();
        return perQueue(deliveries, (queueUrl, batch) ->
                engine.releaseMessages(queueUrl, batch.stream().map(Delivery::receiptHandle).toList()));
    }

    /**
     * A queue that is gone took its messages with it: nothing is left to delete, hand back or redeliver. That is the
     * normal end of a non-durable subscription's message that was still unsettled when its consumer closed.
     */
    private static CompletableFuture<Void> goneIsSettled(Throwable failure) {
        return JmsErrors.isMissingDestination(failure) ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(failure);
    }

    private interface BatchAction {
        CompletableFuture<Void> apply(String queueUrl, List<Delivery> batch);
    }

    private static CompletableFuture<Void> perQueue(Collection<Delivery> deliveries, BatchAction action) {
        if (deliveries.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, List<Delivery>> byQueue = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            d.lease().drop();
            byQueue.computeIfAbsent(d.queueUrl(), k -> new ArrayList<>()).add(d);
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        byQueue.forEach((queueUrl, list) -> {
            for (int from = 0; from < list.size(); from += BATCH) {
                all.add(action.apply(queueUrl, list.subList(from, Math.min(from + BATCH, list.size())))
                        .exceptionallyCompose(Settlement::goneIsSettled));
            }
        });
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }
}
