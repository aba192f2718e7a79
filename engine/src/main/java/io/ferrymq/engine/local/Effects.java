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

    /** The operation's own batch and everything it awaits. */
    CompletableFuture<Void> allOf(CompletableFuture<Void> batch) {
        if (awaited == null) {
            return batch;
        }
        awaited.add(batch);
        return CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new));
    }

    /** Runs {@code action} once the operation's changes are durable, or {@code failed} if storing them failed. */
    void whenDurable(Runnable action, java.util.function.Consumer<Throwable> failed) {
        later(() -> durable.whenComplete((done, error) -> {
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
