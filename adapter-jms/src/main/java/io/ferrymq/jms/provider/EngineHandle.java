package io.ferrymq.jms.provider;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.time.TimeSource;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine and what every connection factory on it shares: its clock, the registry of client IDs and active
 * subscriptions, and the threads that run listeners. Factory settings (prefetch, lease, auto-create) are not here:
 * two factories on one engine may differ in those.
 */
public final class EngineHandle {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Engine engine;
    private final TimeSource time;
    private final ActiveSubscriptions subscriptions = new ActiveSubscriptions();
    private final ExecutorService threads;

    public EngineHandle(Engine engine, TimeSource time) {
        this.engine = engine;
        this.time = time;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ferrymq-jms-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Engine engine() {
        return engine;
    }

    public TimeSource time() {
        return time;
    }

    public ActiveSubscriptions subscriptions() {
        return subscriptions;
    }

    public ExecutorService threads() {
        return threads;
    }

    /** Stops the listener threads and the engine. */
    public void close() {
        threads.shutdownNow();
        engine.close();
        time.close();
    }
}
