package io.ferrymq.jms;

import io.ferrymq.jms.provider.EmbeddedEngines;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Each test gets its own embedded engine, and every connection it opens is closed after it. */
abstract class JmsFixture {
    protected final String engineName = "test-" + UUID.randomUUID();
    protected final FerryConnectionFactory factory = new FerryConnectionFactory("ferry:embedded?name=" + engineName);
    private final List<Connection> connections = new ArrayList<>();

    protected FerryConnection connect() throws JMSException {
        FerryConnection c = factory.createConnection();
        connections.add(c);
        return c;
    }

    protected FerryConnection started() throws JMSException {
        FerryConnection c = connect();
        c.start();
        return c;
    }

    @AfterEach
    void closeAll() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
        EmbeddedEngines.shutdown(engineName);
    }
}
