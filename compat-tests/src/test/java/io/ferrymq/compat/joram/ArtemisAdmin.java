package io.ferrymq.compat.joram;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQQueueConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.apache.activemq.artemis.jms.client.ActiveMQTopicConnectionFactory;

/**
 * JORAM against an embedded Artemis broker through its own JMS client and an in-VM acceptor.
 *
 * <p>Named in src/test/joram/artemis/provider.properties.
 */
public final class ArtemisAdmin extends EmbeddedArtemisAdmin {
    private static final String URL = "vm://0";

    @Override
    protected String brokerName() {
        return "joram";
    }

    @Override
    protected String[] acceptors() {
        return new String[] {URL};
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
    protected Queue queueObject(String name) {
        return new ActiveMQQueue(name);
    }

    @Override
    protected Topic topicObject(String name) {
        return new ActiveMQTopic(name);
    }
}
