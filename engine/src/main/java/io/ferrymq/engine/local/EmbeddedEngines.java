package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.time.SystemTimeSource;
import io.ferrymq.engine.time.TimeSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded engines of this JVM, one per name, so every adapter that names the same engine shares it as every
 * client of a broker shares the broker: a JMS factory on {@code ferry:embedded} and a Camel route on
 * {@code ferry-sqs:orders} meet on the engine called "default". An engine lives until {@link #shutdown} or the JVM's
 * end; each runs on its own wall clock, which adapters use for their timers too.
 */
public final class EmbeddedEngines {
    /** The name adapters use when none is given. */
    public static final String DEFAULT_NAME = "default";

    /**
     * How an embedded engine is started.
     *
     * @param dataDir   where a durable engine keeps its journal; null for an engine in memory
     * @param fsync     a durable engine forces every commit to disk before answering
     * @param region    the region in ARNs and queue URLs
     * @param accountId the account in ARNs and queue URLs
     */
    public record Settings(Path dataDir, boolean fsync, String region, String accountId) {
        /** In memory, us-east-1, account 000000000000: what adapters start when told nothing else. */
        public static final Settings IN_MEMORY = new Settings(null, true, "us-east-1", "000000000000");

        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        }

        private String where() {
            return (dataDir == null ? "in memory" : "on " + dataDir) + " in " + region + "/" + accountId;
        }

        /** The same engine, as far as a user can tell: the same data, region and account (fsync may differ). */
        private boolean sameEngineAs(Settings o) {
            return Objects.equals(dataDir, o.dataDir) && region.equals(o.region) && accountId.equals(o.accountId);
        }
    }

    /** A running embedded engine and the clock it runs on. */
    public record Running(String name, LocalEngine engine, TimeSource time, Settings settings) {
    }

    private static final Map<String, Running> ENGINES = new HashMap<>();

    private EmbeddedEngines() {
    }

    /**
     * The engine of this name, started with {@code settings} if it is not running. One that runs already must have
     * been started with the same data directory, region and account; otherwise this fails rather than hand the caller
     * an engine other than the one it asked for.
     */
    public static synchronized Running engine(String name, Settings settings) {
        requireName(name);
        Running r = ENGINES.get(name);
        if (r != null) {
            if (!r.settings.sameEngineAs(settings)) {
                throw new IllegalArgumentException("The embedded engine '" + name + "' is already running "
                        + r.settings.where() + "; give another name to run a second one");
            }
            return r;
        }
        return start(name, settings);
    }

    /** The engine of this name as it runs, or a new one in memory with the default settings when none does. */
    public static synchronized Running engine(String name) {
        requireName(name);
        Running r = ENGINES.get(name);
        return r != null ? r : start(name, Settings.IN_MEMORY);
    }

    /** The engine of this name if it is running; starts nothing. */
    public static synchronized Optional<Running> running(String name) {
        return Optional.ofNullable(ENGINES.get(name));
    }

    /** Stops the named engine and its clock (durable data stays on disk); the next use starts it afresh. */
    public static synchronized void shutdown(String name) {
        Running r = ENGINES.remove(name);
        if (r != null) {
            r.engine.close();
            r.time.close();
        }
    }

    private static Running start(String name, Settings settings) {
        TimeSource time = new SystemTimeSource();
        LocalEngine.Builder b = LocalEngine.builder().region(settings.region()).accountId(settings.accountId())
                .timeSource(time);
        if (settings.dataDir() != null) {
            b.dataDir(settings.dataDir())
                    .fsync(settings.fsync() ? JournalStorage.Fsync.ALWAYS : JournalStorage.Fsync.NEVER);
        }
        LocalEngine engine;
        try {
            engine = b.build();
        } catch (RuntimeException e) {
            time.close(); // nobody else will: the engine never started
            throw e;
        }
        Running r = new Running(name, engine, time, settings);
        ENGINES.put(name, r);
        return r;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An embedded engine needs a name");
        }
    }
}
