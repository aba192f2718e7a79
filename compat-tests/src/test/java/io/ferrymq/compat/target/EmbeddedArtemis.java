package io.ferrymq.compat.target;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An Artemis broker in this JVM, configured as a stock broker.xml would be, minus security and JMX. */
public final class EmbeddedArtemis {
    private EmbeddedArtemis() {
    }

    /**
     * Starts a broker named {@code name} with the given acceptors ({@code vm://1}, {@code tcp://127.0.0.1:0?...});
     * with {@code persistent} its journal lives under {@code dataDir}.
     */
    public static ActiveMQServer start(String name, Path dataDir, boolean persistent, String... acceptors)
            throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName(name)
                .setPersistenceEnabled(persistent)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .setMaxDiskUsage(-1)
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                // As a stock broker.xml has them; without, Artemis warns about each queue it creates.
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        for (int i = 0; i < acceptors.length; i++) {
            config.addAcceptorConfiguration("acceptor-" + i, acceptors[i]);
        }
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(config, false);
        server.start();
        if (!server.waitForActivation(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Artemis did not become active");
        }
        return server;
    }
}
