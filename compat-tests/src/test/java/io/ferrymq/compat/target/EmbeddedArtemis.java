package io.ferrymq.compat.target;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An Artemis broker in this JVM, configured as a stock broker.xml would be, minus security and JMX: the one place
 * that configures an embedded broker, for the targets and for JORAM's Artemis admins alike.
 */
public final class EmbeddedArtemis {
    /**
     * An AMQP 1.0 acceptor on the loopback interface, on a port the system picks when the broker starts
     * ({@link #port}): nothing else on the machine can take it in between, as it could a port chosen beforehand.
     */
    public static final String AMQP_LOOPBACK = "tcp://127.0.0.1:0?protocols=AMQP";

    private EmbeddedArtemis() {
    }

    /**
     * Starts a broker named {@code name} with the given acceptors ({@code vm://1}, {@link #AMQP_LOOPBACK}), named
     * {@code acceptor-0}, {@code acceptor-1}... in that order; with {@code persistent} its journal lives under
     * {@code dataDir}.
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

    /** The port the {@code index}th acceptor of {@link #start} listens on (the one bound, for a port 0). */
    public static int port(ActiveMQServer server, int index) {
        if (!(server.getRemotingService().getAcceptor("acceptor-" + index) instanceof NettyAcceptor netty)) {
            throw new IllegalArgumentException("Acceptor " + index + " of " + server.getConfiguration().getName()
                    + " is not a network acceptor");
        }
        return netty.getActualPort();
    }

    /**
     * Gives the queue {@code queueName} (its address of the same name, as a JMS queue has) a redelivery limit: a
     * message delivered {@code maxDeliveries} times without being consumed goes to the dead-letter address
     * {@code <queueName>-DLQ}, to the anycast queue of that name, created here. A dead-letter address with no queue
     * bound drops the message (Artemis logs that it has no bindings), so the queue must exist before the first
     * message is dead-lettered, not only once a consumer asks for it.
     *
     * @return the dead-letter queue's name
     */
    public static String deadLetterQueue(ActiveMQServer server, String queueName, int maxDeliveries)
            throws Exception {
        String dlq = queueName + "-DLQ";
        server.getAddressSettingsRepository().addMatch(dlq, new AddressSettings());
        server.createQueue(QueueConfiguration.of(dlq).setAddress(dlq).setRoutingType(RoutingType.ANYCAST), true);
        server.getAddressSettingsRepository().addMatch(queueName, new AddressSettings()
                .setMaxDeliveryAttempts(maxDeliveries)
                .setDeadLetterAddress(SimpleString.of(dlq))
                .setAutoCreateDeadLetterResources(false));
        return dlq;
    }

    /** Stops the broker when the JVM exits (JORAM's admins have no other moment to). */
    public static ActiveMQServer stopAtExit(ActiveMQServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, server.getConfiguration().getName() + "-stop"));
        return server;
    }
}
