package io.ferrymq.jms;

import io.ferrymq.jms.provider.EmbeddedEngines;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry:embedded?dataDir=...}: queued messages and durable subscriptions outlive the engine. */
class DurableEngineRestartTest {
    private final String name = "durable-" + UUID.randomUUID();
    @TempDir
    Path dir;

    private FerryConnectionFactory factory() {
        FerryConnectionFactory f = new FerryConnectionFactory("ferry:embedded?name=" + name + "&dataDir=" + dir);
        f.setClientID("audit");
        return f;
    }

    @AfterEach
    void stop() {
        EmbeddedEngines.shutdown(name);
    }

    @Test
    void queuedMessagesAndADurableSubscriptionSurviveARestart() throws Exception {
        try (Connection c = factory().createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic prices = s.createTopic("prices");
            s.createDurableSubscriber(prices, "big", "price > 100", false).close();
            s.createProducer(s.createQueue("orders")).send(s.createTextMessage("order 1"));
            TextMessage big = s.createTextMessage("big");
            big.setIntProperty("price", 500);
            TextMessage small = s.createTextMessage("small");
            small.setIntProperty("price", 5);
            s.createProducer(prices).send(small);
            s.createProducer(prices).send(big);
        }
        EmbeddedEngines.shutdown(name);

        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message order = s.createConsumer(s.createQueue("orders")).receive(5000);
            assertThat(((TextMessage) order).getText()).isEqualTo("order 1");
            MessageConsumer sub = s.createDurableSubscriber(s.createTopic("prices"), "big", "price > 100", false);
            assertThat(((TextMessage) sub.receive(5000)).getText()).isEqualTo("big");
            assertThat(sub.receiveNoWait()).isNull();
        }
    }
}
