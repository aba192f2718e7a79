package io.ferrymq.engine.local.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** No storage: the engine in memory only. Batches are empty and every commit is already complete. */
public final class MemoryStorage implements Storage {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final Batch NOTHING = new Batch() {
        @Override
        public void add(long id, byte type, byte[] data) {
        }

        @Override
        public void update(long id, byte type, byte[] data) {
        }

        @Override
        public void delete(long id) {
        }

        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public CompletableFuture<Void> commit() {
            return DONE;
        }
    };

    private final AtomicLong ids = new AtomicLong();

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public long newRecordId() {
        return ids.incrementAndGet();
    }

    @Override
    public Batch batch() {
        return NOTHING;
    }

    @Override
    public void close() {
    }
}
