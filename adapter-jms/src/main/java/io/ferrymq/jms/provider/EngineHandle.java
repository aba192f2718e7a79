package io.ferrymq.jms.provider;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.time.SystemTimeSource;
import io.ferrymq.engine.time.TimeSource;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
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

    /** The handles of engines the application built, so every factory on one engine shares one. */
    private static final Map<Engine, WeakReference<EngineHandle>> APPLICATION_ENGINES = new WeakHashMap<>();

    /**
     * The handle every connection factory on this application-built engine shares, so client IDs, active durable
     * subscriptions and shared-subscription consumers are counted across all of them, as on one broker. A null
     * time source takes the one the engine's factories already use, or the wall clock for the first.
     */
    public static synchronized EngineHandle shared(Engine engine, TimeSource time) {
        WeakReference<EngineHandle> ref = APPLICATION_ENGINES.get(engine);
        EngineHandle handle = ref == null ? null : ref.get();
        if (handle == null) {
            handle = new EngineHandle(engine, time != null ? time : new SystemTimeSource());
            APPLICATION_ENGINES.put(engine, new WeakReference<>(handle));
        } else if (time != null && handle.time != time) {
            throw new IllegalArgumentException("This engine already has connection factories on another time "
                    + "source; give every factory on one engine the engine's own time source");
        }
        return handle;
    }

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

    /** Stops the listener threads; the engine and its clock belong to whoever started them. */
    public void close() {
        threads.shutdownNow();
    }
}
