package io.ferrymq.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durability an action waits for before it answers: each queue operation it makes adds the future of its
 * storage batch. With memory storage every future is already complete and the action answers at once.
 */
final class Acks {
    /** What the action's answer waits for. */
    enum Answer {
        /** Its changes durable: sends, deletes, visibility changes. */
        WHEN_DURABLE,
        /** Its leased messages deliverable ({@link Effects#deliverable}): receives. */
        WHEN_DELIVERABLE,
        /** Its changes written, synced with the next change that is: deletes nobody waits for. */
        WHEN_WRITTEN;

        /** Whether the operation's own changes ask for a sync: only if its answer waits for one. */
        boolean syncs(boolean receivesWaitForLeases) {
            return this == WHEN_DURABLE || this == WHEN_DELIVERABLE && receivesWaitForLeases;
        }

        /** The future of {@code fx} this answer waits for. */
        CompletableFuture<Void> of(Effects fx) {
            return switch (this) {
                case WHEN_DURABLE -> fx.durable;
                case WHEN_DELIVERABLE -> fx.deliverable;
                case WHEN_WRITTEN -> fx.written;
            };
        }
    }

    private final Answer answer;
    private List<CompletableFuture<Void>> pending;

    Acks() {
        this(Answer.WHEN_DURABLE);
    }

    Acks(Answer answer) {
        this.answer = answer;
    }

    Answer answer() {
        return answer;
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
