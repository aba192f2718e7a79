package io.ferrymq.jms;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands messages to a session's MessageListeners one at a time, as the spec's serial session requires, on a pool
 * thread that is only busy while there is something to deliver. Holding {@link #deliveryLock()} is how stop() and
 * close() wait for a listener that is running.
 */
final class SessionDispatcher {
    private static final ThreadLocal<FerrySession> DELIVERING = new ThreadLocal<>();

    private final FerrySession session;
    private final Executor pool;
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SessionDispatcher(FerrySession session, Executor pool) {
        this.session = session;
        this.pool = pool;
    }

    /** The session whose listener this thread is running, if any. */
    static FerrySession deliveringSession() {
        return DELIVERING.get();
    }

    ReentrantLock deliveryLock() {
        return deliveryLock;
    }

    /** Something may be ready for a listener: make sure a delivery pass runs. */
    void wake() {
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this::run);
        }
    }

    private void run() {
        deliveryLock.lock();
        DELIVERING.set(session);
        try {
            boolean progress = true;
            while (progress && session.canDeliver()) {
                progress = false;
                for (FerryMessageConsumer c : session.consumers()) {
                    if (!session.canDeliver()) {
                        break;
                    }
                    Delivery d = c.pollForListener();
                    if (d != null) {
                        progress = true;
                        session.deliverToListener(c, d);
                    }
                }
            }
        } finally {
            session.settleConsumedByListeners();
            DELIVERING.remove();
            deliveryLock.unlock();
            scheduled.set(false);
        }
        // A message that arrived after the last look must not wait for the next one.
        if (session.canDeliver() && session.consumers().stream().anyMatch(FerryMessageConsumer::hasListenerWork)) {
            wake();
        }
    }
}
