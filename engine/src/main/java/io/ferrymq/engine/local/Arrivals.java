package io.ferrymq.engine.local;

/**
 * A queue's messages in the order they arrived, linked through the messages themselves: appending and unlinking are
 * O(1) without allocation, retention drops from the oldest end, and a browse continues from any message it knows.
 * Guarded by the owning queue's lock.
 */
final class Arrivals {
    private StoredMessage oldest;
    private StoredMessage newest;
    private long lastArrival;

    void append(StoredMessage m) {
        m.arrival = ++lastArrival;
        m.older = newest;
        m.newer = null;
        if (newest == null) {
            oldest = m;
        } else {
            newest.newer = m;
        }
        newest = m;
    }

    void unlink(StoredMessage m) {
        if (m.older == null) {
            oldest = m.newer;
        } else {
            m.older.newer = m.newer;
        }
        if (m.newer == null) {
            newest = m.older;
        } else {
            m.newer.older = m.older;
        }
        m.older = null;
        m.newer = null;
    }

    /** Forgets every message at once (purge, queue deletion); their links go with them. */
    void clear() {
        oldest = null;
        newest = null;
    }

    StoredMessage oldest() {
        return oldest;
    }
}
