package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.SendMessageResult;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * A standard queue: visible messages are delivered roughly in the order they became visible. Entries of messages
 * that left the visible state stay in the deque until reached and are skipped then, so no operation searches it.
 */
final class StandardQueue extends LocalQueue {
    private final ArrayDeque<StoredMessage> visible = new ArrayDeque<>();

    StandardQueue(String name, long incarnation, long recordId, long createdAt, QueueSettings settings,
               Map<String, String> tags, QueueContext ctx) {
        super(name, incarnation, recordId, createdAt, settings, tags, ctx);
    }

    @Override
    SendMessageResult accept(PreparedSend p, long now) {
        StoredMessage m = new StoredMessage(Ids.newMessageId(), p.body(), p.attributes(), p.traceHeader(),
                p.md5OfBody(), p.md5OfAttributes(), p.md5OfSystemAttributes(), now, p.groupId(), null, null, null,
                ctx.senderId());
        insert(m, now, p.delaySeconds());
        return new SendMessageResult(m.id, m.md5OfBody, m.md5OfAttributes, m.md5OfSystemAttributes, null);
    }

    @Override
    void added(StoredMessage m) {
    }

    @Override
    void becameVisible(StoredMessage m) {
        stamp(m);
        visible.addLast(m);
    }

    @Override
    void leased(StoredMessage m) {
    }

    @Override
    void leaseEnded(StoredMessage m) {
    }

    @Override
    void returned(StoredMessage m) {
        stamp(m);
        visible.addFirst(m);
    }

    @Override
    void removed(StoredMessage m, StoredMessage.State previous) {
    }

    @Override
    void cleared() {
        visible.clear();
    }

    @Override
    void beginTake() {
    }

    @Override
    StoredMessage nextVisible() {
        StoredMessage m;
        while ((m = visible.pollFirst()) != null) {
            if (m.state == StoredMessage.State.VISIBLE) {
                return m;
            }
        }
        return null;
    }

    /** Walks the line in place: what a selective receive takes or drops leaves it, what it rejects stays put. */
    @Override
    void scanCandidates(Candidates receive) {
        // Only plain receives drop entries of messages that left from the front; without them they could pile up.
        if (visible.size() > 2 * visibleCount() + 1024) {
            visible.removeIf(m -> m.state != StoredMessage.State.VISIBLE);
        }
        Iterator<StoredMessage> it = visible.iterator();
        while (it.hasNext()) {
            StoredMessage m = it.next();
            if (m.state != StoredMessage.State.VISIBLE) {
                continue;
            }
            Candidates.Verdict verdict = receive.visit(m, false);
            if (verdict == Candidates.Verdict.DONE) {
                return;
            }
            if (verdict != Candidates.Verdict.PASSED) {
                it.remove();
            }
        }
    }
}
