package io.ferrymq.bench.jms;

import io.ferrymq.bench.BenchData;
import io.ferrymq.jms.FerryConnectionFactory;
import io.ferrymq.jms.provider.EmbeddedEngines;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One broker for the JMS workloads, started in this JVM, and the {@link ConnectionFactory} the workload's JMS code
 * (the same code for every system) connects with: {@code ferrymq}, FerryMQ's provider on an embedded engine, or
 * {@code artemis}, an embedded Artemis broker reached in-VM by its own Jakarta client.
 *
 * <p>Storage ({@link Storage}): {@code memory} is FerryMQ's in-memory engine and Artemis with persistence off, and
 * messages are sent NON_PERSISTENT; {@code fsync} is FerryMQ's durable engine with {@code fsync=true} (every commit
 * forced to disk before the send returns) and Artemis's persistent journal with {@code journal-datasync=true};
 * {@code nosync} is the same two with the force off (a send returns once its record is written to the OS). Durable
 * storages send PERSISTENT messages, which both brokers acknowledge only once the journal has them.
 *
 * <p>The two journals are configured alike: FerryMQ's durable engine is itself built on Artemis's journal, NIO
 * files with a 100 µs group-commit window, so Artemis gets the same window ({@code journal-buffer-timeout}, whose
 * stock default is 3.33 ms for NIO and 0.5 ms for ASYNCIO until {@code artemis create} measures the disk). Artemis's
 * journal type is {@link #artemisJournal()}: ASYNCIO where libaio works on the data directory, as a stock install
 * picks, NIO otherwise; {@code -Dbench.artemis.journal=NIO|ASYNCIO} forces one.
 *
 * <p>Consumers keep each system's default look-ahead: FerryMQ's MessageListener consumers prefetch 10 messages
 * (the provider's maximum, {@code prefetch=10}; a synchronous {@code receive} takes one at a time), Artemis's
 * consumers hold up to 1 MiB of messages (its {@code consumerWindowSize}, some 700 of these 1 KiB messages),
 * overridable with {@code -Dbench.artemis.consumerWindowSize=<bytes>}.
 */
public abstract class JmsSystem implements AutoCloseable {
    public static final String FERRYMQ = "ferrymq";
    public static final String ARTEMIS = "artemis";
    /** The group-commit window of FerryMQ's journal (JournalStorage), given to Artemis's journal too. */
    static final int GROUP_COMMIT_NANOS = 100_000;

    /** Where messages live, and so which delivery mode the workloads send with. */
    public enum Storage {
        MEMORY, FSYNC, NOSYNC;

        public static Storage of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        public boolean durable() {
            return this != MEMORY;
        }
    }

    protected final Storage storage;
    protected final Path dataDir;

    JmsSystem(Storage storage) throws IOException {
        this.storage = storage;
        this.dataDir = storage.durable() ? Files.createTempDirectory(BenchData.dir(), "jms-") : null;
    }

    /** Starts {@code system} ({@value #FERRYMQ} or {@value #ARTEMIS}) on {@code storage} (memory, fsync, nosync). */
    public static JmsSystem start(String system, String storage) throws Exception {
        Storage s = Storage.of(storage);
        return switch (system) {
            case FERRYMQ -> new Ferry(s);
            case ARTEMIS -> new Artemis(s);
            default -> throw new IllegalArgumentException("Unknown JMS system '" + system + "': "
                    + FERRYMQ + " or " + ARTEMIS);
        };
    }

    /** The factory every connection of the workload comes from. */
    public abstract ConnectionFactory connectionFactory();

    /** PERSISTENT on durable storage, NON_PERSISTENT in memory. */
    public int deliveryMode() {
        return storage.durable() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
    }

    @Override
    public void close() throws Exception {
        stop();
        if (dataDir != null) {
            BenchData.delete(dataDir);
        }
    }

    protected abstract void stop() throws Exception;

    /**
     * Artemis's journal type for a persistent broker on this machine, and why: what {@code bench.artemis.journal}
     * asks for, or ASYNCIO where libaio works on the data directory, NIO otherwise.
     */
    public static JournalType artemisJournal() {
        String asked = System.getProperty("bench.artemis.journal", "auto").trim().toUpperCase(Locale.ROOT);
        if (!asked.equals("AUTO")) {
            return JournalType.valueOf(asked);
        }
        return aioSupported() ? JournalType.ASYNCIO : JournalType.NIO;
    }

    private static boolean aioSupported() {
        try {
            return AIOSequentialFileFactory.isSupported(BenchData.dir().toFile());
        } catch (Throwable e) { // no libaio, no native library for this platform
            return false;
        }
    }

    /** What the results should say about these systems on this machine (printed under the table). */
    public static List<String> notes() {
        JournalType journal = artemisJournal();
        String consumerWindow = System.getProperty("bench.artemis.consumerWindowSize");
        return List.of(
                "JMS workloads: Artemis " + artemisVersion()
                        + " embedded, in-VM (vm://0) through its own Jakarta client; FerryMQ's provider on its"
                        + " embedded engine. Persistent Artemis journal: " + journal
                        + (journal == JournalType.NIO && !System.getProperty("bench.artemis.journal", "auto")
                                .equalsIgnoreCase("NIO") ? " (libaio is not usable here)" : "")
                        + ", journal-buffer-timeout " + GROUP_COMMIT_NANOS / 1000
                        + " µs, as FerryMQ's group-commit window. Journals in " + BenchData.describe() + ".",
                "JMS consumers: FerryMQ prefetch=10 (MessageListener; receive() takes one message at a time);"
                        + " Artemis consumerWindowSize " + (consumerWindow == null ? "1 MiB (default)"
                        : consumerWindow + " bytes") + ".");
    }

    /** Artemis's version, from its jar's Maven metadata (which the benchmarks jar keeps). */
    static String artemisVersion() {
        try (InputStream in = ActiveMQServer.class.getResourceAsStream(
                "/META-INF/maven/org.apache.artemis/artemis-server/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    /** FerryMQ's JMS provider on an embedded engine of its own, made from the documented URL. */
    static final class Ferry extends JmsSystem {
        private final String name = "bench-" + UUID.randomUUID();
        private final FerryConnectionFactory factory;

        Ferry(Storage storage) throws IOException {
            super(storage);
            StringBuilder url = new StringBuilder("ferry:embedded?name=").append(name).append("&prefetch=10");
            if (storage.durable()) {
                url.append("&dataDir=").append(URLEncoder.encode(dataDir.toString(), StandardCharsets.UTF_8))
                        .append("&fsync=").append(storage == Storage.FSYNC);
            }
            factory = new FerryConnectionFactory(url.toString());
        }

        @Override
        public ConnectionFactory connectionFactory() {
            return factory;
        }

        @Override
        protected void stop() {
            EmbeddedEngines.shutdown(name);
        }
    }

    /** An embedded Artemis broker configured as a stock broker.xml would be, minus security and JMX. */
    static final class Artemis extends JmsSystem {
        private static final String URL = "vm://0";
        private final Path dir;
        private final ActiveMQServer server;
        private final ActiveMQConnectionFactory factory;

        Artemis(Storage storage) throws Exception {
            super(storage);
            // Without persistence nothing is written, but the broker still wants its directories named.
            dir = dataDir != null ? dataDir : Files.createTempDirectory(BenchData.dir(), "jms-");
            Configuration config = new ConfigurationImpl()
                    .setName("bench")
                    .setPersistenceEnabled(storage.durable())
                    .setJournalType(artemisJournal())
                    .setJournalDatasync(storage == Storage.FSYNC)
                    .setJournalBufferTimeout_NIO(GROUP_COMMIT_NANOS)
                    .setJournalBufferTimeout_AIO(GROUP_COMMIT_NANOS)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setCriticalAnalyzer(false)
                    .setMaxDiskUsage(-1)
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                    .addAcceptorConfiguration("in-vm", URL)
                    .addAddressSetting("#", new AddressSettings()
                            .setDeadLetterAddress(SimpleString.of("DLQ"))
                            .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            // The flag is persistence itself (it overrides setPersistenceEnabled); false here once left every
            // "persistent" Artemis run in memory.
            server = ActiveMQServers.newActiveMQServer(config, storage.durable());
            server.start();
            if (!server.waitForActivation(30, TimeUnit.SECONDS)) {
                server.stop();
                throw new IllegalStateException("Artemis did not become active");
            }
            factory = new ActiveMQConnectionFactory(URL);
            String window = System.getProperty("bench.artemis.consumerWindowSize");
            if (window != null) {
                factory.setConsumerWindowSize(Integer.parseInt(window.trim()));
            }
        }

        @Override
        public ConnectionFactory connectionFactory() {
            return factory;
        }

        /** Whether the running broker journals messages (its storage manager is not the null one). */
        boolean journals() {
            return server.getConfiguration().isPersistenceEnabled()
                    && !(server.getStorageManager() instanceof org.apache.activemq.artemis.core.persistence.impl.nullpm.NullStorageManager);
        }

        @Override
        protected void stop() throws Exception {
            factory.close();
            server.stop();
            // The in-VM connector's and the client's shared pools are not daemon threads: without this the fork
            // lingers after the run until JMH kills it.
            InVMConnector.resetThreadPool();
            ActiveMQClient.clearThreadPools();
            if (dataDir == null) {
                BenchData.delete(dir);
            }
        }
    }
}
