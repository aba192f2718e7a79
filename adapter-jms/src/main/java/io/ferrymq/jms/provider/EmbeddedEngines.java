package io.ferrymq.jms.provider;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.time.SystemTimeSource;
import io.ferrymq.engine.time.TimeSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded engines of this JVM, one per name: every factory whose URL names the same engine shares it, as
 * every client of a broker shares the broker. An engine lives until {@link #shutdown} or the JVM's end.
 */
public final class EmbeddedEngines {
    private record Running(EngineHandle handle, Path dataDir, String region, String accountId) {
    }

    private static final Map<String, Running> ENGINES = new HashMap<>();

    private EmbeddedEngines() {
    }

    public static synchronized EngineHandle engine(ProviderOptions options) {
        Path dir = options.dataDir() == null ? null : options.dataDir().toAbsolutePath().normalize();
        Running r = ENGINES.get(options.name());
        if (r != null) {
            if (!Objects.equals(r.dataDir, dir) || !r.region.equals(options.region())
                    || !r.accountId.equals(options.accountId())) {
                throw new IllegalArgumentException("The embedded engine '" + options.name() + "' is already running "
                        + (r.dataDir == null ? "in memory" : "on " + r.dataDir) + " in " + r.region + "/" + r.accountId
                        + "; give another name to run a second one");
            }
            return r.handle;
        }
        TimeSource time = new SystemTimeSource();
        LocalEngine.Builder b = LocalEngine.builder().region(options.region()).accountId(options.accountId())
                .timeSource(time);
        if (dir != null) {
            b.dataDir(dir).fsync(options.fsync() ? JournalStorage.Fsync.ALWAYS : JournalStorage.Fsync.NEVER);
        }
        EngineHandle handle = new EngineHandle(b.build(), time);
        ENGINES.put(options.name(), new Running(handle, dir, options.region(), options.accountId()));
        return handle;
    }

    /** Stops the named embedded engine (durable data stays on disk); the next use starts it afresh. */
    public static synchronized void shutdown(String name) {
        Running r = ENGINES.remove(name);
        if (r != null) {
            r.handle.close();
        }
    }
}
