package io.ferrymq.engine.time;

/**
 * The engine's clock and timer. Everything time-dependent (visibility, delay, retention, dedup windows, long-poll
 * deadlines) reads {@link #millis()} and waits through {@link #schedule}, so tests drive time by hand.
 */
public interface TimeSource {
    /** Milliseconds since the epoch. */
    long millis();

    /** Runs {@code task} once, at or soon after {@code atMillis}. The task must not block. */
    Timer schedule(long atMillis, Runnable task);

    /** A scheduled task that can be called off. */
    interface Timer {
        void cancel();
    }

    /** Releases any threads this time source owns. */
    default void close() {
    }
}
