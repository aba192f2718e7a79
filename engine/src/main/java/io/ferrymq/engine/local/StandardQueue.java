package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.SendMessageResult;

import java.util.ArrayDeque;
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
}
