package io.ferrymq.compat.joram;

import io.ferrymq.compat.target.EmbeddedArtemis;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.JmsQueue;
import org.apache.qpid.jms.JmsTopic;

/**
 * JORAM against an embedded Artemis broker through its AMQP 1.0 acceptor on a loopback port, with qpid-jms: every
 * factory is a {@link JmsConnectionFactory} on {@code amqp://127.0.0.1:<port>} with qpid-jms's defaults, and the
 * queues and topics are {@link JmsQueue}/{@link JmsTopic} objects naming the broker-side anycast queue or multicast
 * address this admin created.
 *
 * <p>Named in src/test/joram/artemis-amqp/provider.properties.
 */
public final class ArtemisAmqpAdmin extends EmbeddedArtemisAdmin {
    private static volatile String url;

    @Override
    protected String brokerName() {
        return "joram-amqp";
    }

    @Override
    protected String[] acceptors() {
        return new String[] {EmbeddedArtemis.AMQP_LOOPBACK};
    }

    @Override
    protected void started(ActiveMQServer broker) {
        url = "amqp://127.0.0.1:" + EmbeddedArtemis.port(broker, 0);
    }

    private String url() {
        if (url == null) {
            throw new IllegalStateException("JORAM asked for a connection factory before startServer()");
        }
        return url;
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return new JmsConnectionFactory(url());
    }

    @Override
    protected QueueConnectionFactory queueConnectionFactory() {
        return new JmsConnectionFactory(url());
    }

    @Override
    protected TopicConnectionFactory topicConnectionFactory() {
        return new JmsConnectionFactory(url());
    }

    @Override
    protected Queue queueObject(String name) {
        return new JmsQueue(name);
    }

    @Override
    protected Topic topicObject(String name) {
        return new JmsTopic(name);
    }
}
