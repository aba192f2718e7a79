package io.ferrymq.engine.local;

import io.ferrymq.engine.sns.PublishResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    final ReentrantLock lock = new ReentrantLock();
    private volatile TopicSettings settings;
    private volatile SubscriptionRouter router = SubscriptionRouter.empty();

    // ---- guarded by lock ----
    private final Map<String, String> tags = new TreeMap<>();
    private final LinkedHashMap<String, PublishResult> recentlySent = new LinkedHashMap<>();
    private final ArrayDeque<Long> recentlySentAt = new ArrayDeque<>();
    private final ArrayDeque<PublishedMessage> archive = new ArrayDeque<>();
    private long sequence;
    private long beginningArchiveTime;
    private int subscriptionsDeleted;

    LocalTopic(String name, String arn, TopicSettings settings, Map<String, String> tags, long now) {
        this.name = name;
        this.arn = arn;
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

    void changeSettings(UnaryOperator<TopicSettings> change, long now) {
        locked(() -> {
            TopicSettings next = change.apply(settings);
            if (next.archiveDays > 0 && settings.archiveDays == 0) {
                beginningArchiveTime = now;
            }
            if (next.archiveDays == 0) {
                archive.clear(); // ArchivePolicy {} disables archiving and clears the archive
            }
            settings = next;
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

    void changeTags(Map<String, String> add, List<String> removeKeys, int maxTags) {
        locked(() -> {
            Map<String, String> next = new TreeMap<>(tags);
            next.putAll(add);
            removeKeys.forEach(next::remove);
            if (next.size() > maxTags) {
                throw new io.ferrymq.engine.EngineException(io.ferrymq.engine.ErrorCode.SNS_TAG_LIMIT_EXCEEDED,
                        "Could not complete request: tag quota of per resource exceeded");
            }
            tags.clear();
            tags.putAll(next);
            return null;
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
    List<PublishResult> publishInOrder(List<PublishedMessage> batch, long now,
                                       Consumer<List<PublishedMessage>> deliver) {
        return locked(() -> {
            forgetSentBefore(now);
            List<PublishResult> results = new ArrayList<>(batch.size());
            List<PublishedMessage> accepted = new ArrayList<>(batch.size());
            for (PublishedMessage m : batch) {
                PublishResult earlier = recentlySent.get(m.deduplicationId());
                if (earlier != null) {
                    results.add(earlier);
                    continue;
                }
                String digits = Long.toString(++sequence);
                PublishedMessage numbered = m.withSequenceNumber("0".repeat(20 - digits.length()) + digits);
                PublishResult result = new PublishResult(numbered.messageId(), numbered.sequenceNumber());
                recentlySent.put(m.deduplicationId(), result);
                recentlySentAt.add(now + DEDUPLICATION_WINDOW_MS);
                if (settings.archiveDays > 0) {
                    archive.addLast(numbered);
                }
                accepted.add(numbered);
                results.add(result);
            }
            pruneArchive(now);
            deliver.accept(accepted);
            return results;
        });
    }

    /** Archived messages a replay policy covers, oldest first; read under the lock so no publish interleaves. */
    void replay(ReplayPolicy policy, long now, Consumer<List<PublishedMessage>> deliver) {
        locked(() -> {
            pruneArchive(now);
            List<PublishedMessage> covered = new ArrayList<>();
            for (PublishedMessage m : archive) {
                if (policy.covers(m.publishedAt())) {
                    covered.add(m);
                }
            }
            deliver.accept(covered);
            return null;
        });
    }

    private void forgetSentBefore(long now) {
        Iterator<String> keys = recentlySent.keySet().iterator();
        while (!recentlySentAt.isEmpty() && recentlySentAt.peekFirst() <= now) {
            recentlySentAt.pollFirst();
            keys.next();
            keys.remove();
        }
    }

    private void pruneArchive(long now) {
        long keepFrom = settings.archiveDays == 0 ? Long.MAX_VALUE : now - settings.archiveDays * DAY_MS;
        while (!archive.isEmpty() && archive.peekFirst().publishedAt() < keepFrom) {
            archive.pollFirst();
        }
    }
}
