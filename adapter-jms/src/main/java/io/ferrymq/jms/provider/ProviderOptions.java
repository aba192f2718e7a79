package io.ferrymq.jms.provider;

import java.nio.file.Path;

/**
 * How a connection factory reaches its engine and behaves on it. Built from a {@code ferry:} URL by {@link FerryUrl}
 * or from bean setters; every field has a default that suits a migrating JMS application.
 *
 * @param name              which embedded engine: factories with the same name in one JVM share it
 * @param dataDir           where a durable embedded engine keeps its journal; null for an in-memory engine
 * @param fsync             a durable engine forces every commit to disk before answering
 * @param prefetch          messages a MessageListener consumer holds ahead of the application (1-10)
 * @param leaseSeconds      the visibility lease taken on each received message and renewed while the application holds it
 * @param region            the region in ARNs and queue URLs
 * @param accountId         the account in ARNs and queue URLs
 * @param autoCreate        queues and topics are created on first use, as a broker's auto-created addresses are
 * @param maxReceiveCount   with {@code deadLetterQueue}, the RedrivePolicy given to queues the provider creates
 * @param deadLetterQueue   the JMS name of the queue that takes messages delivered {@code maxReceiveCount} times
 */
public record ProviderOptions(String name, Path dataDir, boolean fsync, int prefetch, int leaseSeconds, String region,
                              String accountId, boolean autoCreate, int maxReceiveCount, String deadLetterQueue) {

    public static final ProviderOptions DEFAULTS = new ProviderOptions("default", null, true, 10, 30, "us-east-1",
            "000000000000", true, 0, null);

    public ProviderOptions {
        require(prefetch >= 1 && prefetch <= 10, "prefetch", prefetch, "1 to 10");
        require(leaseSeconds >= 2 && leaseSeconds <= 43_200, "leaseSeconds", leaseSeconds, "2 to 43200");
        require(maxReceiveCount >= 0 && maxReceiveCount <= 1000, "maxReceiveCount", maxReceiveCount, "1 to 1000");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The option name must not be empty");
        }
    }

    /** Checks what only holds for the whole set: options that go together. */
    public ProviderOptions complete() {
        if ((deadLetterQueue == null) != (maxReceiveCount == 0)) {
            throw new IllegalArgumentException("The options maxReceiveCount and deadLetterQueue go together: "
                    + "give both or neither");
        }
        return this;
    }

    private static void require(boolean ok, String option, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("The option " + option + " must be " + range + ", not " + value);
        }
    }

    public ProviderOptions withName(String v) {
        return new ProviderOptions(v, dataDir, fsync, prefetch, leaseSeconds, region, accountId, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withDataDir(Path v) {
        return new ProviderOptions(name, v, fsync, prefetch, leaseSeconds, region, accountId, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withFsync(boolean v) {
        return new ProviderOptions(name, dataDir, v, prefetch, leaseSeconds, region, accountId, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withPrefetch(int v) {
        return new ProviderOptions(name, dataDir, fsync, v, leaseSeconds, region, accountId, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withLeaseSeconds(int v) {
        return new ProviderOptions(name, dataDir, fsync, prefetch, v, region, accountId, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withRegion(String v) {
        return new ProviderOptions(name, dataDir, fsync, prefetch, leaseSeconds, v, accountId, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withAccountId(String v) {
        return new ProviderOptions(name, dataDir, fsync, prefetch, leaseSeconds, region, v, autoCreate,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withAutoCreate(boolean v) {
        return new ProviderOptions(name, dataDir, fsync, prefetch, leaseSeconds, region, accountId, v,
                maxReceiveCount, deadLetterQueue);
    }

    public ProviderOptions withRedelivery(int maxReceives, String deadLetterQueueName) {
        return new ProviderOptions(name, dataDir, fsync, prefetch, leaseSeconds, region, accountId, autoCreate,
                maxReceives, deadLetterQueueName);
    }
}
