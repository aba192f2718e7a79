package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.Storage;

import java.util.concurrent.CompletableFuture;

/**
 * One storage batch that several operations fill (on several queues, and the topic's archive) and one owner commits:
 * a publish, written as a single journal transaction, so after a crash it reached all its subscriptions or none. Its
 * messages stay unseen until the commit is durable, so no other record about them can be written before it.
 */
final class SharedBatch {
    final Storage.Batch batch;
    final CompletableFuture<Void> committed = new CompletableFuture<>();

    SharedBatch(Storage storage) {
        this.batch = storage.batch();
    }

    /** Writes everything the operations put in; completes {@link #committed} when it is durable. */
    CompletableFuture<Void> commit() {
        (batch.isEmpty() ? Effects.DONE : batch.commit()).whenComplete((done, error) -> {
            if (error == null) {
                committed.complete(null);
            } else {
                committed.completeExceptionally(error);
            }
        });
        return committed;
    }
}
