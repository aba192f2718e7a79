package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A durable subscription (client ID + name): it keeps what is published while its subscriber is away, and
 * unsubscribe removes it with whatever it held.
 */
@DisplayName("Durable subscriptions")
@ExtendWith(MatrixRecorder.class)
class DurableSubscriptionTest {
    private static final long WAIT = 10_000;
    private static final String NAME = "prices";
    private static final String SELECTOR = "kind = 'keep'";

    @DisplayName("messages published while the subscriber is disconnected arrive when it reconnects; "
            + "unsubscribe removes the subscription and its messages")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void acrossDisconnectAndUnsubscribe(Target target) throws Exception {
        ConnectionFactory factory = target.connectionFactory();
        String clientId = "compat-" + UUID.randomUUID();
        Topic topic = target.topic("durable-" + UUID.randomUUID());
        try (Connection publisher = factory.createConnection()) {
            Session ps = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (Connection first = connect(factory, clientId)) {
                Session s = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer sub = s.createDurableConsumer(topic, NAME, SELECTOR, false);
                publish(ps, topic, "before", "keep");
                assertThat(text(sub.receive(WAIT))).isEqualTo("before");
            }

            publish(ps, topic, "away-1", "keep");
            publish(ps, topic, "away-other", "other");
            publish(ps, topic, "away-2", "keep");

            try (Connection again = connect(factory, clientId)) {
                Session s = again.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer sub = s.createDurableConsumer(topic, NAME, SELECTOR, false);
                // What was published while away, through the subscription's selector; "before" was acknowledged.
                assertThat(receiveAll(sub, 2)).containsExactlyInAnyOrder("away-1", "away-2");

                // "It is erroneous" (Session.unsubscribe); the javadoc promises a JMSException, no subtype.
                JMSException active = catchThrowableOfType(JMSException.class, () -> s.unsubscribe(NAME));
                assertThat(active).as("unsubscribe while a consumer is active").isNotNull();
                if (!(active instanceof IllegalStateException)) {
                    Matrix.differs(target, "unsubscribe while a consumer is active throws "
                            + active.getClass().getName() + " (\"" + active.getMessage() + "\"), not "
                            + "IllegalStateException: JMS promises only a JMSException, and that is all an "
                            + "application can count on");
                }
                sub.close();
                publish(ps, topic, "left-behind", "keep");
                s.unsubscribe(NAME);
                publish(ps, topic, "after-unsubscribe", "keep");

                // The name is free again: a new subscription, which starts with nothing the old one held.
                MessageConsumer fresh = s.createDurableConsumer(topic, NAME, SELECTOR, false);
                publish(ps, topic, "new", "keep");
                assertThat(receiveAll(fresh, 1)).containsExactly("new");
                fresh.close();
                s.unsubscribe(NAME);
                assertThatThrownBy(() -> s.unsubscribe(NAME)).as("unsubscribe of a name with no subscription")
                        .isInstanceOf(InvalidDestinationException.class);
            }
        }
    }

    @DisplayName("the subscription and the messages it holds survive a broker restart")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void acrossRestart(Target target) throws Exception {
        String clientId = "compat-" + UUID.randomUUID();
        Topic topic = target.topic("durable-restart-" + UUID.randomUUID());
        ConnectionFactory factory = target.connectionFactory();
        try (Connection subscriber = connect(factory, clientId)) {
            subscriber.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createDurableConsumer(topic, NAME, SELECTOR, false);
        }
        try (Connection publisher = factory.createConnection()) {
            Session ps = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            publish(ps, topic, "kept-1", "keep");
            publish(ps, topic, "kept-2", "keep");
        }
        // No connection is open now. A restartable target restarts; on the others the nearest thing is asserted:
        // the broker keeps the subscription and its messages while no client at all is connected.
        if (target.restartable()) {
            target.restart();
        }
        factory = target.connectionFactory();
        try (Connection back = connect(factory, clientId)) {
            Session s = back.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer sub = s.createDurableConsumer(topic, NAME, SELECTOR, false);
            assertThat(receiveAll(sub, 2)).containsExactlyInAnyOrder("kept-1", "kept-2");
            publish(s, topic, "still-subscribed", "keep");
            assertThat(receiveAll(sub, 1)).containsExactly("still-subscribed");
            sub.close();
            s.unsubscribe(NAME);
        }
        if (!target.restartable()) {
            Matrix.unsupported(target, "this target cannot be restarted with its state (it keeps it in memory); "
                    + "asserted instead that the subscription and its messages outlive every client connection");
        }
    }

    private static Connection connect(ConnectionFactory factory, String clientId) throws JMSException {
        Connection c = factory.createConnection();
        c.setClientID(clientId);
        c.start();
        return c;
    }

    private static void publish(Session s, Topic topic, String text, String kind) throws JMSException {
        TextMessage m = s.createTextMessage(text);
        m.setStringProperty("kind", kind);
        s.createProducer(topic).send(m);
    }

    /** Receives {@code n} messages, then whatever else the subscription holds now (every send has returned). */
    private static List<String> receiveAll(MessageConsumer consumer, int n) throws JMSException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Message m = consumer.receive(WAIT);
            assertThat(m).as("message %d, after %s", i, got).isNotNull();
            got.add(text(m));
        }
        for (Message extra = consumer.receiveNoWait(); extra != null && got.size() < n + 100;
             extra = consumer.receiveNoWait()) {
            got.add(text(extra));
        }
        return got;
    }

    private static String text(Message m) throws JMSException {
        assertThat(m).isNotNull();
        return ((TextMessage) m).getText();
    }
}
