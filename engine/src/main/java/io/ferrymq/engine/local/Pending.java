package io.ferrymq.engine.local;

/**
 * A moment at which a delayed or in-flight message becomes visible. Entries are never removed early: one whose
 * version no longer matches the message's is stale and skipped, which keeps visibility changes O(log n).
 */
record Pending(long at, int version, StoredMessage message) implements Comparable<Pending> {
    boolean isCurrent() {
        return message.version == version;
    }

    @Override
    public int compareTo(Pending o) {
        return Long.compare(at, o.at);
    }
}
