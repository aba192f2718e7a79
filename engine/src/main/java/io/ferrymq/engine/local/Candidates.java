package io.ferrymq.engine.local;

/**
 * A selective receive walking a queue's delivery candidates in order ({@link LocalQueue#scanCandidates}): it
 * decides on each under the queue's lock, and the queue keeps its line right accordingly.
 */
@FunctionalInterface
interface Candidates {
    enum Verdict {
        /** Leased: it leaves the line. */
        TAKEN,
        /** Dropped or dead-lettered: it leaves the queue. */
        REMOVED,
        /** Rejected: it keeps its place (and on a FIFO queue holds its group back from this receive). */
        PASSED,
        /** The receive wants no more; this candidate was not looked at. */
        DONE
    }

    /** {@code continuing}: a FIFO message whose group's earlier messages this receive has just taken. */
    Verdict visit(StoredMessage m, boolean continuing);
}
