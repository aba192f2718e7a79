package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.sns.PublishResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One topic: its settings and its subscriptions (an immutable router, swapped on change). A standard topic publishes
 * without a lock: each publish routes with the router it read. A FIFO topic publishes under its lock, which orders
 * sequence numbers, deduplication, archiving and delivery as one, so every subscribed queue sees the same order.
 */
final class LocalTopic {
    static final long DEDUPLICATION_WINDOW_MS = 5 * 60 * 1000L;
    private static final long DAY_MS = 24 * 60 * 60 * 1000L;

    final String name;
    final String arn;
    final boolean fifo;
    /** The storage record of this topic's definition; its archive and dedup records name it. */
    final long recordId;
    private final Storage storage;
    final ReentrantLock lock = new ReentrantLock();
    private volatile TopicSettings settings;
    private volatile SubscriptionRouter router = SubscriptionRouter.empty();

    // ---- guarded by lock ----
    private final Map<String, String> tags = new TreeMap<>();
    private final LinkedHashMap<String, Sent> recentlySent = new LinkedHashMap<>(); // insertion = expiry order
    private final ArrayDeque<Archived> archive = new ArrayDeque<>();
    private long sequence;
    private long beginningArchiveTime;
    private int subscriptionsDeleted;

    /** A publish answered within the deduplication window, and its record. */
    private record Sent(PublishResult result, long expiresAt, long recordId) {
    }

    /** An archived message and its record. */
    private record Archived(PublishedMessage message, long recordId) {
    }

    LocalTopic(String name, String arn, long recordId, TopicSettings settings, Map<String, String> tags, long now,
               Storage storage) {
        this.name = name;
        this.arn = arn;
        this.recordId = recordId;
        this.storage = storage;
        this.fifo = settings.fifo;
        this.settings = settings;
        this.tags.putAll(tags);
        this.beginningArchiveTime = now; // archiving (if asked for at CreateTopic) starts with the topic
    }

    TopicSettings settings() {
        return settings;
    }

    SubscriptionRouter router() {
        return router;
    }

    <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    CompletableFuture<Void> changeSettings(UnaryOperator<TopicSettings> change, long now) {
        return locked(() -> {
            TopicSettings next = change.apply(settings);
            Storage.Batch batch = storage.batch();
            if (next.archiveDays > 0 && settings.archiveDays == 0) {
                beginningArchiveTime = now;
            }
            if (next.archiveDays == 0) {
                archive.forEach(a -> forget(batch, a.recordId()));
                archive.clear(); // ArchivePolicy {} disables archiving and clears the archive
            }
            settings = next;
            return journalDefinition(batch, false);
        });
    }

    /** The topic as its storage record describes it. */
    Records.TopicRecord definition() {
        return new Records.TopicRecord(name, fifo, settings.values(), new TreeMap<>(tags), beginningArchiveTime);
    }

    /** Writes the definition, as the topic is created ({@code first}) or after a change; completes when durable. */
    CompletableFuture<Void> journalDefinition(Storage.Batch batch, boolean first) {
        if (storage.isDurable()) {
            byte[] data = Records.topic(definition());
            if (first) {
                batch.add(recordId, Records.TOPIC, data);
            } else {
                batch.update(recordId, Records.TOPIC, data);
            }
        }
        return batch.isEmpty() ? Effects.DONE : batch.commit();
    }

    /** Deletes the topic's own records: its definition, archive and deduplication window. */
    CompletableFuture<Void> forgetAll(Storage.Batch batch) {
        return locked(() -> {
            if (storage.isDurable()) {
                batch.delete(recordId);
                archive.forEach(a -> forget(batch, a.recordId()));
                recentlySent.values().forEach(sent -> forget(batch, sent.recordId()));
            }
            return batch.isEmpty() ? Effects.DONE : batch.commit();
        });
    }

    private static void forget(Storage.Batch batch, long recordId) {
        if (recordId != 0) {
            batch.delete(recordId);
        }
    }

    /** Puts back the state read from storage at start: the deduplication window and the archive. */
    void restore(List<RecoveredState.Stored<Records.DeduplicationRecord>> window,
                 List<RecoveredState.Stored<Records.ArchivedRecord>> archived, long beginning) {
        locked(() -> {
            beginningArchiveTime = beginning;
            for (RecoveredState.Stored<Records.DeduplicationRecord> stored : window) {
                Records.DeduplicationRecord d = stored.value();
                recentlySent.put(d.key(), new Sent(new PublishResult(d.messageId(), d.sequenceNumber()),
                        d.expiresAt(), stored.recordId()));
                sequence = Math.max(sequence, Long.parseLong(d.sequenceNumber()));
            }
            for (RecoveredState.Stored<Records.ArchivedRecord> stored : archived) {
                PublishedMessage m = stored.value().message();
                archive.addLast(new Archived(m, stored.recordId()));
                sequence = Math.max(sequence, Long.parseLong(m.sequenceNumber()));
            }
            return null;
        });
    }

    void changeRouter(UnaryOperator<SubscriptionRouter> change, boolean deleting) {
        locked(() -> {
            router = change.apply(router);
            if (deleting) {
                subscriptionsDeleted++;
            }
            return null;
        });
    }

    Map<String, String> tags() {
        return locked(() -> new TreeMap<>(tags));
    }

    CompletableFuture<Void> changeTags(Map<String, String> add, List<String> removeKeys, int maxTags) {
        return locked(() -> {
            Map<String, String> next = new TreeMap<>(tags);
            next.putAll(add);
            removeKeys.forEach(next::remove);
            if (next.size() > maxTags) {
                throw new io.ferrymq.engine.EngineException(io.ferrymq.engine.ErrorCode.SNS_TAG_LIMIT_EXCEEDED,
                        "Could not complete request: tag quota of per resource exceeded");
            }
            tags.clear();
            tags.putAll(next);
            return journalDefinition(storage.batch(), false);
        });
    }

    /** The read-only attributes that change with the topic's life. */
    Map<String, String> computedAttributes(long now) {
        return locked(() -> {
            Map<String, String> out = new TreeMap<>();
            out.put("SubscriptionsConfirmed", Integer.toString(router.size()));
            out.put("SubscriptionsPending", "0");
            out.put("SubscriptionsDeleted", Integer.toString(subscriptionsDeleted));
            if (settings.archiveDays > 0) {
                // the oldest point a replay can start from: archiving's start, or the retention period ago
                long earliest = Math.max(beginningArchiveTime, now - settings.archiveDays * DAY_MS);
                out.put("BeginningArchiveTime", java.time.Instant.ofEpochMilli(earliest).toString());
            }
            return out;
        });
    }

    /**
     * Publishes to a FIFO topic: a duplicate within five minutes is answered like the original and not delivered;
     * the others get sequence numbers, go to the archive, and are delivered, all before the next publish.
     */
    List<PublishResult> publishInOrder(List<PublishedMessage> batch, long now, SharedBatch tx,
                                       Consumer<List<PublishedMessage>> deliver) {
        return locked(() -> {
            forgetSentBefore(now, tx);
            List<PublishResult> results = new ArrayList<>(batch.size());
            List<PublishedMessage> accepted = new ArrayList<>(batch.size());
            for (PublishedMessage m : batch) {
                Sent earlier = recentlySent.get(m.deduplicationId());
                if (earlier != null) {
                    results.add(earlier.result());
                    continue;
                }
                String digits = Long.toString(++sequence);
                PublishedMessage numbered = m.withSequenceNumber("0".repeat(20 - digits.length()) + digits);
                PublishResult result = new PublishResult(numbered.messageId(), numbered.sequenceNumber());
                long expiresAt = now + DEDUPLICATION_WINDOW_MS;
                recentlySent.put(m.deduplicationId(), new Sent(result, expiresAt, record(tx, Records.DEDUPLICATION,
                        () -> Records.deduplication(new Records.DeduplicationRecord(recordId, m.deduplicationId(),
                                expiresAt, result.messageId(), result.sequenceNumber())))));
                if (settings.archiveDays > 0) {
                    archive.addLast(new Archived(numbered, record(tx, Records.ARCHIVED,
                            () -> Records.archived(recordId, numbered))));
                }
                accepted.add(numbered);
                results.add(result);
            }
            pruneArchive(now, tx);
            deliver.accept(accepted);
            return results;
        });
    }

    /** Archived messages a replay policy covers, oldest first; read under the lock so no publish interleaves. */
    void replay(ReplayPolicy policy, long now, Consumer<List<PublishedMessage>> deliver) {
        locked(() -> {
            long keepFrom = settings.archiveDays == 0 ? Long.MAX_VALUE : now - settings.archiveDays * DAY_MS;
            List<PublishedMessage> covered = new ArrayList<>();
            for (Archived a : archive) {
                long at = a.message().publishedAt();
                if (at >= keepFrom && policy.covers(at)) { // past retention: pruned at the next publish
                    covered.add(a.message());
                }
            }
            deliver.accept(covered);
            return null;
        });
    }

    /** A record in the publish's batch (none in memory); returns its id, or 0. */
    private long record(SharedBatch tx, byte type, java.util.function.Supplier<byte[]> data) {
        if (!storage.isDurable()) {
            return 0;
        }
        long id = storage.newRecordId();
        tx.batch.add(id, type, data.get());
        return id;
    }

    private void forgetSentBefore(long now, SharedBatch tx) {
        Iterator<Sent> it = recentlySent.values().iterator();
        while (it.hasNext()) {
            Sent sent = it.next();
            if (sent.expiresAt() > now) {
                return;
            }
            it.remove();
            if (tx != null) {
                forget(tx.batch, sent.recordId());
            }
        }
    }

    /** Drops archived messages past retention, their records with the publish under way. */
    private void pruneArchive(long now, SharedBatch tx) {
        long keepFrom = settings.archiveDays == 0 ? Long.MAX_VALUE : now - settings.archiveDays * DAY_MS;
        while (!archive.isEmpty() && archive.peekFirst().message().publishedAt() < keepFrom) {
            forget(tx.batch, archive.pollFirst().recordId());
        }
    }
}
