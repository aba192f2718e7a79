package io.ferrymq.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Work a queue decides on under its lock but must do after releasing it: completing futures (whose callbacks are
 * the caller's code) and handing messages to another queue (whose lock must never nest inside this one's).
 */
final class Effects {
    static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private List<Runnable> actions;
    /** When the operation's storage batch is durable; set before the effects run. */
    CompletableFuture<Void> durable = DONE;
    /**
     * When the operation's changes are written and what it awaits on other queues is done: for changes written
     * without a sync of their own, which no answer waits for. A batch that has already failed still counts, so an
     * operation on a failed journal fails. Set before the effects run.
     */
    CompletableFuture<Void> written = DONE;
    /**
     * When the messages leased by this operation may be handed over: once their leases are durable where receives
     * wait for that, else as {@link #written}. Set before the effects run.
     */
    CompletableFuture<Void> deliverable = DONE;

    void later(Runnable action) {
        if (actions == null) {
            actions = new ArrayList<>(2);
        }
        actions.add(action);
    }

    private List<CompletableFuture<Void>> awaited;

    /** Something the operation's answer must also wait for: work it started on another queue. */
    void await(CompletableFuture<Void> other) {
        if (awaited == null) {
            awaited = new ArrayList<>(1);
        }
        awaited.add(other);
    }

    /**
     * Sets the three futures from the operation's own batch and the batch of leases it gave waiting receives
     * (written after it, so durable only after it).
     */
    void settle(CompletableFuture<Void> batch, CompletableFuture<Void> leases, boolean receivesWaitForLeases) {
        CompletableFuture<Void> own = leases == DONE ? batch : CompletableFuture.allOf(batch, leases);
        CompletableFuture<Void> others = awaited == null ? DONE
                : CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new));
        durable = awaited == null ? own : CompletableFuture.allOf(own, others);
        written = own.isCompletedExceptionally() ? durable : others;
        deliverable = receivesWaitForLeases ? durable : written;
    }

    /** Runs {@code action} once leased messages may be handed over, or {@code failed} if storing them failed. */
    void whenDeliverable(Runnable action, java.util.function.Consumer<Throwable> failed) {
        later(() -> deliverable.whenComplete((done, error) -> {
            if (error == null) {
                action.run();
            } else {
                failed.accept(error);
            }
        }));
    }

    void run() {
        if (actions != null) {
            actions.forEach(Runnable::run);
        }
    }
}
