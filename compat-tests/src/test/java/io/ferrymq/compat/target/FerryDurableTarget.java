package io.ferrymq.compat.target;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.jms.FerryConnectionFactory;
import io.ferrymq.jms.provider.ProviderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * FerryMQ's JMS provider on a durable engine (journal in {@value #DATA_DIR}, fsync on every commit, the default),
 * which {@link #restart()} closes and opens again on the same directory: what a restarted FerryMQ keeps (queues,
 * their RedrivePolicy, queued messages, durable subscriptions) a scenario sees again through a new factory.
 *
 * <p>Each test JVM starts from an empty directory. Connections made before a restart are dead: close them before
 * restarting, then ask {@link #connectionFactory()} again. A connection left open is not closed for you: every call
 * on it, {@code close()} included, then throws a JMSException (the engine reports its closed journal as "FerryMQ
 * stopped accepting changes because a write to the journal ... failed").
 *
 * <p>A message received but not acknowledged when the engine stops keeps its SQS visibility lease (the provider's
 * {@code leaseSeconds}, 30 s) across the restart: it is delivered again only once the lease has run out, about 30 s
 * later, where a restarted JMS broker redelivers it at once. Closing the connection (or the session, or
 * recovering or rolling it back) before the restart hands held messages back at once, as the provider does for any
 * session (docs/jms-mapping.md).
 */
class FerryDurableTarget extends FerryMemoryTarget {
    static final String DATA_DIR = "target/compat/ferry-durable";
    private static final Path DATA = Path.of(DATA_DIR);

    @Override
    protected void start() {
        deleteRecursively(DATA);
        super.start();
    }

    @Override
    protected LocalEngine newEngine() {
        return LocalEngine.builder().dataDir(DATA).timeSource(time).build();
    }

    @Override
    public String id() {
        return "ferry-durable";
    }

    @Override
    public String title() {
        return "FerryMQ (durable)";
    }

    @Override
    public boolean restartable() {
        return true;
    }

    /** Closes the engine (its journal stays) and recovers a new one from it, with a new factory on it. */
    @Override
    public void restart() {
        engine.close();
        engine = newEngine();
        factory = new FerryConnectionFactory(engine, time, ProviderOptions.DEFAULTS.withLeaseSeconds(LEASE_SECONDS));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }
}
