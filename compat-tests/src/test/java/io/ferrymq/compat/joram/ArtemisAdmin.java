package io.ferrymq.compat.joram;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQQueueConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.apache.activemq.artemis.jms.client.ActiveMQTopicConnectionFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * JORAM against an embedded Artemis broker in this JVM: in-VM acceptor, no persistence, no security, no JMX. One
 * broker serves the whole run (started by the first test, stopped when the JVM exits); each test's queue and topic
 * are created before it and destroyed, with whatever messages and subscriptions they still hold, after it.
 *
 * <p>Named in src/test/joram/artemis/provider.properties.
 */
public final class ArtemisAdmin extends JoramAdmin {
    private static final String URL = "vm://0";
    private static ActiveMQServer server;

    /** Starts the broker once; later calls find it running. */
    @Override
    public void startServer() throws Exception {
        broker();
    }

    /** The broker outlives each test: deleteQueue/deleteTopic give the isolation, a restart per test only costs time. */
    @Override
    public void stopServer() {
    }

    private static synchronized ActiveMQServer broker() throws Exception {
        if (server == null) {
            String data = Path.of(System.getProperty("joram.artemis.data", "target/joram/artemis-data")).toString();
            Configuration config = new ConfigurationImpl()
                    .setName("joram")
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setCriticalAnalyzer(false)
                    .setMaxDiskUsage(-1)
                    .setBindingsDirectory(data + "/bindings")
                    .setJournalDirectory(data + "/journal")
                    .setPagingDirectory(data + "/paging")
                    .setLargeMessagesDirectory(data + "/large-messages")
                    .addAcceptorConfiguration("in-vm", URL)
                    // As a stock broker.xml has them; without, Artemis warns about each queue JORAM creates.
                    .addAddressSetting("#", new AddressSettings()
                            .setDeadLetterAddress(SimpleString.of("DLQ"))
                            .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            ActiveMQServer started = ActiveMQServers.newActiveMQServer(config, false);
            started.start();
            if (!started.waitForActivation(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Artemis did not become active");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "joram-artemis-stop"));
            server = started;
        }
        return server;
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(URL);
    }

    @Override
    protected QueueConnectionFactory queueConnectionFactory() {
        return new ActiveMQQueueConnectionFactory(URL);
    }

    @Override
    protected TopicConnectionFactory topicConnectionFactory() {
        return new ActiveMQTopicConnectionFactory(URL);
    }

    @Override
    protected Queue declareQueue(String name) throws Exception {
        broker().createQueue(QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST), true);
        return new ActiveMQQueue(name);
    }

    @Override
    protected Topic declareTopic(String name) throws Exception {
        broker().addAddressInfo(new AddressInfo(SimpleString.of(name), RoutingType.MULTICAST));
        return new ActiveMQTopic(name);
    }

    @Override
    protected void dropQueue(String name) throws Exception {
        ActiveMQServer broker = broker();
        SimpleString queueName = SimpleString.of(name);
        var queue = broker.locateQueue(queueName);
        if (queue != null) {
            long left = queue.getMessageCount();
            if (left > 0) {
                System.out.println("[joram] queue " + name + " still held " + left + " message(s) when deleted");
            }
            broker.destroyQueue(queueName, null, false, true, true);
        }
    }

    @Override
    protected void dropTopic(String name) throws Exception {
        ActiveMQServer broker = broker();
        SimpleString address = SimpleString.of(name);
        for (SimpleString subscription : broker.bindingQuery(address).getQueueNames()) {
            var queue = broker.locateQueue(subscription);
            if (queue != null) {
                System.out.println("[joram] topic " + name + " still had subscription " + subscription + " holding "
                        + queue.getMessageCount() + " message(s) when deleted");
            }
        }
        if (broker.getAddressInfo(address) != null) {
            broker.removeAddressInfo(address, null, true);
        }
    }
}
