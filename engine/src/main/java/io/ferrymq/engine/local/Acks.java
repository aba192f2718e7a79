package io.ferrymq.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durability an action waits for before it answers: each queue operation it makes adds the future of its
 * storage batch. With memory storage every future is already complete and the action answers at once.
 */
final class Acks {
    private final boolean forDelivery;
    private List<CompletableFuture<Void>> pending;

    Acks() {
        this(false);
    }

    private Acks(boolean forDelivery) {
        this.forDelivery = forDelivery;
    }

    /** A receive's: it waits only until its leased messages may be handed over ({@link Effects#deliverable}). */
    static Acks forDelivery() {
        return new Acks(true);
    }

    boolean isForDelivery() {
        return forDelivery;
    }

    void add(CompletableFuture<Void> durable) {
        if (durable.isDone() && !durable.isCompletedExceptionally()) {
            return;
        }
        if (pending == null) {
            pending = new ArrayList<>(2);
        }
        pending.add(durable);
    }

    /** The result, once everything added is durable. */
    <T> CompletableFuture<T> then(T result) {
        if (pending == null) {
            return CompletableFuture.completedFuture(result);
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(done -> result);
    }
}
