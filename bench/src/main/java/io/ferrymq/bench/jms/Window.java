package io.ferrymq.bench.jms;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds the messages between a throughput workload's producers and its consumers, so that the benchmark measures
 * the steady state of both ends: a producer faster than its consumers waits once {@code limit} messages are sent
 * and not yet consumed, so the rate counted at the producers (JMH's operations) is the rate the consumers keep up
 * with, and the queue never grows without bound. The backlog is carried over from one iteration to the next (never
 * drained in between), so apart from the first warm-up iteration each iteration starts and ends with the same
 * backlog and the messages it counts as sent are the messages consumed in it.
 */
final class Window {
    /** How long without a single message consumed before a waiting producer gives up (a stalled consumer). */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final long limit;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Window(long limit) {
        this.limit = limit;
    }

    /** Waits until {@code n} more messages fit in the window, then counts them as sent. */
    void acquire(int n) {
        long seen = received.get();
        long deadline = System.nanoTime() + STALL_NANOS;
        while (sent.get() - seen + n > limit) {
            Throwable f = failure.get();
            if (f != null) {
                throw new IllegalStateException("A consumer failed", f);
            }
            LockSupport.parkNanos(50_000);
            if (Thread.interrupted()) {
                throw new IllegalStateException("Interrupted while waiting for the consumers");
            }
            long now = received.get();
            if (now != seen) {
                seen = now;
                deadline = System.nanoTime() + STALL_NANOS;
            } else if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("No message consumed for " + TimeUnit.NANOSECONDS.toSeconds(
                        STALL_NANOS) + " s with " + (sent.get() - seen) + " outstanding: the consumers stalled");
            }
        }
        sent.addAndGet(n);
    }

    /** A consumer took (acknowledged or committed) {@code n} messages. */
    void received(long n) {
        received.addAndGet(n);
    }

    /** A consumer failed: the producers stop with this cause instead of waiting for it. */
    void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
    }
}
