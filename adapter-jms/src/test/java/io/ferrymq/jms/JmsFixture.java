package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.QueueAttributeName;
import io.ferrymq.jms.provider.EmbeddedEngines;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Each test gets its own embedded engine, and every connection and context it opens is closed after it. */
abstract class JmsFixture {
    protected final String engineName = "test-" + UUID.randomUUID();
    protected final FerryConnectionFactory factory = new FerryConnectionFactory("ferry:embedded?name=" + engineName);
    private final List<Connection> connections = new ArrayList<>();
    private final List<JMSContext> contexts = new ArrayList<>();

    /** Another factory on this test's engine, with more URL options ({@code a=1&b=2}). */
    protected FerryConnectionFactory factoryWith(String options) {
        return new FerryConnectionFactory("ferry:embedded?name=" + engineName + "&" + options);
    }

    protected FerryConnection connect() throws JMSException {
        return connect(factory);
    }

    protected synchronized FerryConnection connect(FerryConnectionFactory f) throws JMSException {
        FerryConnection c = f.createConnection();
        connections.add(c);
        return c;
    }

    protected FerryConnection started() throws JMSException {
        FerryConnection c = connect();
        c.start();
        return c;
    }

    protected FerryConnection started(FerryConnectionFactory f) throws JMSException {
        FerryConnection c = connect(f);
        c.start();
        return c;
    }

    protected synchronized JMSContext context(int mode) {
        JMSContext c = factory.createContext(mode);
        contexts.add(c);
        return c;
    }

    /** The engine under this test's factory, for looking behind the JMS API. */
    protected Engine engine() {
        return factory.provider().engine();
    }

    /** Visible plus in-flight messages of the SQS queue of that name (delayed ones not included). */
    protected long messagesIn(String sqsQueueName) throws ExecutionException, InterruptedException {
        String url = engine().getQueueUrl(sqsQueueName).get();
        Map<String, String> a = engine().getQueueAttributes(url, List.of(QueueAttributeName.ALL)).get();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @AfterEach
    void closeAll() throws JMSException {
        try {
            for (JMSContext c : contexts) {
                c.close();
            }
            for (Connection c : connections) {
                c.close();
            }
        } finally {
            EmbeddedEngines.shutdown(engineName);
        }
    }
}
