package io.ferrymq.engine.local.storage;

import java.util.concurrent.CompletableFuture;

/**
 * Where the engine's state changes go: nowhere ({@link MemoryStorage}) or an append-only journal on disk. Changes are
 * grouped in batches; a batch is all-or-none after a crash, and its commit completes when it is durable in the
 * configured mode (synced with fsync=always, handed to the OS with fsync=never).
 */
public interface Storage extends AutoCloseable {

    /** False for memory storage: callers then skip encoding records at all. */
    boolean isDurable();

    /** An id no record of this storage has had, for a new record. */
    long newRecordId();

    /** A new, empty batch. */
    Batch batch();

    @Override
    void close();

    /** Changes written together: records added, updated (a new state of the same id) and deleted. */
    interface Batch {
        void add(long id, byte type, byte[] data);

        void update(long id, byte type, byte[] data);

        void delete(long id);

        boolean isEmpty();

        /** Writes the batch; completes when durable, or exceptionally when the storage failed. */
        CompletableFuture<Void> commit();

        /**
         * Writes the batch without asking for a sync of its own: it becomes durable with the next synced commit (a
         * later commit never becomes durable before it) or when the storage closes. For changes nobody waits for.
         */
        default CompletableFuture<Void> commitUnsynced() {
            return commit();
        }
    }
}
