package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** How an action's outcome becomes the SPI's future: a refused request is a failed future, never a throw. */
final class Futures {
    private Futures() {
    }

    static <T> CompletableFuture<T> call(Supplier<T> action) {
        try {
            return CompletableFuture.completedFuture(action.get());
        } catch (EngineException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** An action whose queue operations report their durability to {@code acks}; answers once all are durable. */
    static <T> CompletableFuture<T> durably(java.util.function.Function<Acks, T> action) {
        return answering(Acks.Answer.WHEN_DURABLE, action);
    }

    /** As {@link #durably}, answering once the changes are written: they are synced with the next change that is. */
    static <T> CompletableFuture<T> unsynced(java.util.function.Function<Acks, T> action) {
        return answering(Acks.Answer.WHEN_WRITTEN, action);
    }

    private static <T> CompletableFuture<T> answering(Acks.Answer answer, java.util.function.Function<Acks, T> action) {
        Acks acks = new Acks(answer);
        try {
            return acks.then(action.apply(acks));
        } catch (EngineException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static CompletableFuture<Void> run(Runnable action) {
        return call(() -> {
            action.run();
            return null;
        });
    }
}
