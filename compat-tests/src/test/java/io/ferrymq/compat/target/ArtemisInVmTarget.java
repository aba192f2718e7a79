package io.ferrymq.compat.target;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.nio.file.Path;

/** Embedded Artemis, reached in-VM by its own JMS client: the broker a migrating team comes from. */
class ArtemisInVmTarget implements Target {
    /**
     * Artemis's documented behaviour: best-effort priority, unlimited delay, redelivery in place, browsing shows the
     * queue's waiting messages only (not scheduled, not delivering, not expired: the broker feeds a browser expired
     * messages too, but this client drops any expired message it receives, a browser's as well,
     * ClientConsumerImpl.receive), a dead-lettered message is a copy whose delivery
     * count starts again, message groups pinned to a consumer, no lease, a send to a deleted temporary queue is
     * accepted (the message is lost, or kept in a queue auto-created under that name: see
     * {@link Semantics#sendToDeletedTemporaryQueueFails()}).
     */
    static final Semantics SEMANTICS = new Semantics(true, Long.MAX_VALUE, true, false, false, false, true, 0,
            false, false, true, false);
    private static final String URL = "vm://7";

    private final ActiveMQServer server;

    ArtemisInVmTarget() {
        try {
            server = EmbeddedArtemis.start("compat-invm", Path.of("target/compat/artemis-invm"), false, URL);
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not start", e);
        }
    }

    @Override
    public String id() {
        return "artemis-invm";
    }

    @Override
    public String title() {
        return "Artemis (in-VM)";
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(URL);
    }

    @Override
    public Queue queue(String name) {
        return new ActiveMQQueue(name);
    }

    @Override
    public Topic topic(String name) {
        return new ActiveMQTopic(name);
    }

    @Override
    public Queue withDeadLetterQueue(String queueName, int maxDeliveries) throws Exception {
        String dlq = EmbeddedArtemis.deadLetterQueue(server, queueName, maxDeliveries);
        return new ActiveMQQueue(dlq);
    }

    @Override
    public Semantics semantics() {
        return SEMANTICS;
    }



    @Override
    public void close() throws Exception {
        server.stop();
    }

    @Override
    public String toString() {
        return id();
    }
}
