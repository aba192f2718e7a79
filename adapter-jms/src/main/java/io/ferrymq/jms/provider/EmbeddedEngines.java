package io.ferrymq.jms.provider;

import io.ferrymq.engine.local.EmbeddedEngines.Running;
import io.ferrymq.engine.local.EmbeddedEngines.Settings;

import java.util.HashMap;
import java.util.Map;

/**
 * The JMS side of the JVM's embedded engines ({@link io.ferrymq.engine.local.EmbeddedEngines}, where the engines
 * themselves live, shared with the other adapters): every factory whose URL names the same engine gets the same
 * {@link EngineHandle}, so client IDs and active subscriptions are counted across all of them, as on one broker.
 */
public final class EmbeddedEngines {
    /** The handle of each named engine, kept while that engine runs. */
    private static final Map<String, EngineHandle> HANDLES = new HashMap<>();

    private EmbeddedEngines() {
    }

    public static synchronized EngineHandle engine(ProviderOptions options) {
        Running r = io.ferrymq.engine.local.EmbeddedEngines.engine(options.name(),
                new Settings(options.dataDir(), options.fsync(), options.region(), options.accountId()));
        EngineHandle handle = HANDLES.get(options.name());
        if (handle == null || handle.engine() != r.engine()) {
            // First JMS use of this engine, or it was shut down outside JMS and started afresh.
            if (handle != null) {
                handle.close();
            }
            handle = EngineHandle.shared(r.engine(), r.time());
            HANDLES.put(options.name(), handle);
        }
        return handle;
    }

    /** Stops the named embedded engine (durable data stays on disk); the next use starts it afresh. */
    public static synchronized void shutdown(String name) {
        EngineHandle handle = HANDLES.remove(name);
        if (handle != null) {
            handle.close();
        }
        io.ferrymq.engine.local.EmbeddedEngines.shutdown(name);
    }
}
