package io.ferrymq.compat.joram;

import io.ferrymq.compat.target.EmbeddedArtemis;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;

import java.nio.file.Path;

/**
 * JORAM against an embedded Artemis broker in this JVM, started by {@link EmbeddedArtemis} (no persistence, no
 * security, no JMX) and reached by whichever client a subclass names. One broker serves the whole run (started by
 * the first test, stopped when the JVM exits); each test's queue and topic are created on the broker before it and
 * destroyed, with whatever messages and subscriptions they still hold, after it. The broker's files, were it to
 * write any, go to {@code -Djoram.artemis.data}.
 */
abstract class EmbeddedArtemisAdmin extends JoramAdmin {
    /** One broker per test JVM: each JORAM execution runs one admin class in a JVM of its own. */
    private static ActiveMQServer server;

    /** The broker's name and acceptors ({@link EmbeddedArtemis#start}). */
    protected abstract String brokerName();

    protected abstract String[] acceptors();

    /** Called once the broker is up: a subclass reads what it needs of it (a port). */
    protected void started(ActiveMQServer broker) {
    }

    /** The JMS destination objects of the subclass's client for a broker-side queue or topic of that name. */
    protected abstract jakarta.jms.Queue queueObject(String name);

    protected abstract jakarta.jms.Topic topicObject(String name);

    /** Starts the broker once; later calls find it running. */
    @Override
    public void startServer() throws Exception {
        broker();
    }

    /** The broker outlives each test: deleteQueue/deleteTopic give the isolation, a restart per test only costs time. */
    @Override
    public void stopServer() {
    }

    protected final ActiveMQServer broker() throws Exception {
        synchronized (EmbeddedArtemisAdmin.class) {
            if (server == null) {
                Path data = Path.of(System.getProperty("joram.artemis.data", "target/joram/artemis-data"));
                server = EmbeddedArtemis.stopAtExit(EmbeddedArtemis.start(brokerName(), data, false, acceptors()));
            }
            started(server);
            return server;
        }
    }

    @Override
    protected jakarta.jms.Queue declareQueue(String name) throws Exception {
        broker().createQueue(QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST), true);
        return queueObject(name);
    }

    @Override
    protected jakarta.jms.Topic declareTopic(String name) throws Exception {
        broker().addAddressInfo(new AddressInfo(SimpleString.of(name), RoutingType.MULTICAST));
        return topicObject(name);
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
