package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.SendMessageResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ferrymq.engine.local.StoredMessage.State.IN_FLIGHT;
import static io.ferrymq.engine.local.StoredMessage.State.VISIBLE;

/**
 * A FIFO queue: strict order within a message group, and a group is held back while any of its messages is in
 * flight. Groups ready to deliver wait in a queue of their own, so a receive never scans blocked groups.
 * Sends are deduplicated for five minutes by MessageDeduplicationId (or the body's SHA-256), per queue or per group.
 */
final class FifoQueue extends LocalQueue {
    static final long DEDUPLICATION_WINDOW_MS = 5 * 60 * 1000L;
    static final long ATTEMPT_WINDOW_MS = 5 * 60 * 1000L;

    private static final class Group {
        final String id;
        final ArrayDeque<StoredMessage> messages = new ArrayDeque<>();
        int inFlight;
        boolean queued;

        Group(String id) {
            this.id = id;
        }
    }

    /** An entry of a time window (deduplication, receive attempts). */
    private interface Expiring {
        long expiresAt();
    }

    /** A send answered within the deduplication window, and its storage record (0 in memory). */
    private record Sent(long expiresAt, String messageId, String sequenceNumber, long recordId) implements Expiring {
    }

    private record Attempt(long expiresAt, List<StoredMessage> batch, long[] serials) implements Expiring {
    }

    private final Map<String, Group> groups = new HashMap<>();
    private final ArrayDeque<Group> readyGroups = new ArrayDeque<>();
    private final LinkedHashMap<String, Sent> recentlySent = new LinkedHashMap<>();
    private final LinkedHashMap<String, Attempt> attempts = new LinkedHashMap<>();
    private Group current;
    private long sequence;

    FifoQueue(String name, long incarnation, long recordId, long createdAt, QueueSettings settings,
               Map<String, String> tags, QueueContext ctx) {
        super(name, incarnation, recordId, createdAt, settings, tags, ctx);
    }

    @Override
    SendMessageResult accept(PreparedSend p, long now) {
        forgetOlderThan(recentlySent, now, sent -> journalDelete(sent.recordId()));
        String key = settings().deduplicationPerGroup ? p.groupId() + '\u0000' + p.deduplicationId()
                : p.deduplicationId();
        Sent earlier = recentlySent.get(key);
        if (earlier != null) {
            // A duplicate within the window: accepted, not stored again, answered like the original.
            return new SendMessageResult(earlier.messageId(), p.md5OfBody(), p.md5OfAttributes(),
                    p.md5OfSystemAttributes(), earlier.sequenceNumber());
        }
        StoredMessage m = new StoredMessage(Ids.newMessageId(), p.body(), p.attributes(), p.traceHeader(),
                p.md5OfBody(), p.md5OfAttributes(), p.md5OfSystemAttributes(), now, p.groupId(),
                p.deduplicationId(), nextSequenceNumber(), null, ctx.senderId());
        long expiresAt = now + DEDUPLICATION_WINDOW_MS;
        long recordId = durable() ? journalAdd(Records.DEDUPLICATION, Records.deduplication(
                new Records.DeduplicationRecord(this.recordId, key, expiresAt, m.id, m.sequenceNumber))) : 0;
        recentlySent.put(key, new Sent(expiresAt, m.id, m.sequenceNumber, recordId));
        insert(m, now, p.delaySeconds());
        return new SendMessageResult(m.id, m.md5OfBody, m.md5OfAttributes, m.md5OfSystemAttributes,
                m.sequenceNumber);
    }

    @Override
    String nextSequenceNumber() {
        String digits = Long.toString(++sequence);
        return "0".repeat(20 - digits.length()) + digits;
    }

    @Override
    void added(StoredMessage m) {
        groups.computeIfAbsent(m.groupId, Group::new).messages.addLast(m);
        if (m.sequenceNumber != null) { // restored messages carry the numbers this queue must go on from
            sequence = Math.max(sequence, Long.parseLong(m.sequenceNumber));
        }
    }

    @Override
    void becameVisible(StoredMessage m) {
        offer(groups.get(m.groupId));
    }

    @Override
    void leased(StoredMessage m) {
        groups.get(m.groupId).inFlight++;
    }

    @Override
    void leaseEnded(StoredMessage m) {
        groups.get(m.groupId).inFlight--;
    }

    /** Its group's head again (it never left the group's line); the group goes first once nothing of it is out. */
    @Override
    void returned(StoredMessage m) {
        Group g = groups.get(m.groupId);
        if (isReady(g)) {
            stamp(g.messages.peekFirst());
            if (!g.queued) {
                g.queued = true;
                readyGroups.addFirst(g);
            }
        }
    }

    @Override
    void removed(StoredMessage m, StoredMessage.State previous) {
        Group g = groups.get(m.groupId);
        g.messages.remove(m);
        if (previous == IN_FLIGHT) {
            g.inFlight--;
        }
        if (g.messages.isEmpty()) {
            groups.remove(g.id);
        } else {
            offer(g);
        }
    }

    @Override
    void cleared() {
        groups.clear();
        readyGroups.clear();
        attempts.clear();
        current = null;
    }

    /**
     * Queues the group for delivery if nothing of it is in flight and its head is visible. Its head is stamped as
     * a new candidate even if the group was queued already: it may be a new head (the one before it expired).
     */
    private void offer(Group g) {
        if (g != null && isReady(g)) {
            stamp(g.messages.peekFirst());
            if (!g.queued) {
                g.queued = true;
                readyGroups.addLast(g);
            }
        }
    }

    private boolean isReady(Group g) {
        return groups.get(g.id) == g && g.inFlight == 0 && !g.messages.isEmpty()
                && g.messages.peekFirst().state == VISIBLE;
    }

    @Override
    void beginTake() {
        current = null;
    }

    /** Continues the group this receive started on while its next message is visible, then the next ready group. */
    @Override
    StoredMessage nextVisible() {
        if (current != null) {
            for (StoredMessage m : current.messages) {
                if (m.state != IN_FLIGHT) {
                    if (m.state == VISIBLE && groups.get(current.id) == current) {
                        return m;
                    }
                    break;
                }
            }
            current = null;
        }
        Group g;
        while ((g = readyGroups.pollFirst()) != null) {
            g.queued = false;
            if (groups.get(g.id) != g || g.inFlight > 0) {
                continue;
            }
            StoredMessage head = g.messages.peekFirst();
            if (head != null && head.state == VISIBLE) {
                current = g;
                return head;
            }
        }
        return null;
    }

    /** Walks the ready groups in place: a group stays in line unless this receive took from it or emptied it. */
    @Override
    void scanCandidates(Candidates receive) {
        Iterator<Group> it = readyGroups.iterator();
        while (it.hasNext()) {
            Group g = it.next();
            boolean done = offerGroup(g, receive);
            if (!isReady(g)) {
                it.remove();
                g.queued = false;
            }
            if (done) {
                return;
            }
        }
    }

    /** Offers the group's head, and while the receive takes, the message behind it; true once it wants no more. */
    private boolean offerGroup(Group g, Candidates receive) {
        if (!isReady(g)) {
            return false;
        }
        boolean continuing = false;
        StoredMessage m = g.messages.peekFirst();
        while (m != null && m.state == VISIBLE) {
            switch (receive.visit(m, continuing)) {
                case DONE -> {
                    return true;
                }
                case PASSED -> {
                    return false; // a rejected head holds its group back from this receive
                }
                case TAKEN -> continuing = true;
                case REMOVED -> {
                }
            }
            m = groups.get(g.id) == g ? firstNotInFlight(g) : null;
        }
        return false;
    }

    private static StoredMessage firstNotInFlight(Group g) {
        for (StoredMessage m : g.messages) {
            if (m.state != IN_FLIGHT) {
                return m;
            }
        }
        return null;
    }

    @Override
    List<StoredMessage> retriedAttempt(String attemptId, long now) {
        forgetOlderThan(attempts, now, attempt -> { });
        Attempt a = attempts.get(attemptId);
        if (a == null) {
            return null;
        }
        for (int i = 0; i < a.batch().size(); i++) {
            StoredMessage m = a.batch().get(i);
            if (m.state != IN_FLIGHT || m.receiveSerial != a.serials()[i]) {
                attempts.remove(attemptId);
                return null;
            }
        }
        return a.batch();
    }

    @Override
    void recordAttempt(String attemptId, List<StoredMessage> batch, long now) {
        long[] serials = new long[batch.size()];
        for (int i = 0; i < serials.length; i++) {
            serials[i] = batch.get(i).receiveSerial;
        }
        attempts.remove(attemptId);
        attempts.put(attemptId, new Attempt(now + ATTEMPT_WINDOW_MS, new ArrayList<>(batch), serials));
    }

    /** Drops entries past their window; both maps are in insertion order, so expired entries sit at the front. */
    private static <V extends Expiring> void forgetOlderThan(LinkedHashMap<String, V> window, long now,
                                                            java.util.function.Consumer<V> forgotten) {
        Iterator<V> it = window.values().iterator();
        while (it.hasNext()) {
            V v = it.next();
            if (v.expiresAt() > now) {
                return;
            }
            it.remove();
            forgotten.accept(v);
        }
    }

    @Override
    void forgetOwnRecords() {
        recentlySent.values().forEach(sent -> journalDelete(sent.recordId()));
    }

    /** Puts back the deduplication window read from storage at start, in the order it was written. */
    void restoreWindow(List<RecoveredState.Stored<Records.DeduplicationRecord>> window) {
        for (RecoveredState.Stored<Records.DeduplicationRecord> stored : window) {
            Records.DeduplicationRecord d = stored.value();
            recentlySent.put(d.key(), new Sent(d.expiresAt(), d.messageId(), d.sequenceNumber(), stored.recordId()));
            sequence = Math.max(sequence, Long.parseLong(d.sequenceNumber()));
        }
    }
}
