package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.jms.message.FerryTextMessage;
import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Message selectors: on queues through the engine's selective receive, on topics pushed down to SNS and checked
 * again; and what a queue consumer with a selector does on an engine that cannot receive selectively.
 */
class SelectorTest extends JmsFixture {

    private static void send(Session s, jakarta.jms.Destination d, String text, String colour) throws JMSException {
        TextMessage m = s.createTextMessage(text);
        m.setStringProperty("colour", colour);
        MessageProducer p = s.createProducer(d);
        p.send(m);
    }

    private static String text(Message m) throws JMSException {
        assertThat(m).isNotNull();
        return ((TextMessage) m).getText();
    }

    // ---- an engine without SELECTIVE_RECEIVE (real SQS has none) ----

    /** The same engine, offering none of its capabilities beyond SQS: what the provider sees on real SQS. */
    private static Engine withoutCapabilities(Engine engine) {
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("capabilities")) {
                        return Set.of();
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void withoutSelectiveReceiveAQueueConsumerWithASelectorIsRefusedClearly() throws Exception {
        try (LocalEngine engine = LocalEngine.create()) {
            FerryConnectionFactory sqsLike = new FerryConnectionFactory(withoutCapabilities(engine));
            try (Connection c = sqsLike.createConnection()) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue q = s.createQueue("no-selective");
                assertThatThrownBy(() -> s.createConsumer(q, "colour = 'red'")).isInstanceOf(JMSException.class)
                        .hasMessageContaining("cannot receive selectively");
                assertThatThrownBy(() -> s.createBrowser(q)).isInstanceOf(JMSException.class)
                        .hasMessageContaining("cannot browse");
                assertThat(s.createConsumer(q, "  ")).as("an empty selector is no selector").isNotNull();
                assertThat(s.createConsumer(s.createTopic("t"), "colour = 'red'"))
                        .as("topic selectors need no engine capability").isNotNull();
            }
        }
    }

    // ---- queue selectors: need SELECTIVE_RECEIVE and the real selector ----

    @Test
    void aQueueConsumerWithASelectorGetsOnlyMatchingMessagesAndLeavesTheOthersUntouched() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("sorted");
        send(s, q, "r1", "red");
        send(s, q, "b1", "blue");
        send(s, q, "r2", "red");
        MessageConsumer reds = s.createConsumer(q, "colour = 'red'");
        assertThat(text(reds.receive(5000))).isEqualTo("r1");
        assertThat(text(reds.receive(5000))).isEqualTo("r2");
        assertThat(reds.receive(300)).isNull();

        Message blue = s.createConsumer(q).receive(5000);
        assertThat(text(blue)).isEqualTo("b1");
        assertThat(blue.getIntProperty("JMSXDeliveryCount")).as("the selective consumer never took it").isEqualTo(1);
    }

    @Test
    void twoQueueListenersWithComplementarySelectorsSplitTheQueue() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("split-by-colour");
        java.util.List<String> reds = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<String> others = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, "colour = 'red'")
                .setMessageListener(m -> reds.add(((FerryTextMessage) m).getText()));
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, "colour <> 'red'")
                .setMessageListener(m -> others.add(((FerryTextMessage) m).getText()));
        conn.start();
        for (int i = 0; i < 20; i++) {
            send(s, q, "m" + i, i % 2 == 0 ? "red" : "blue");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> reds.size() + others.size() >= 20);
        assertThat(reds).hasSize(10).allMatch(t -> Integer.parseInt(t.substring(1)) % 2 == 0);
        assertThat(others).hasSize(10).allMatch(t -> Integer.parseInt(t.substring(1)) % 2 == 1);
    }

    @Test
    void aQueueBrowserWithASelectorShowsOnlyMatchingMessages() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("browse-sorted");
        send(s, q, "r1", "red");
        send(s, q, "b1", "blue");
        var seen = java.util.Collections.list(s.createBrowser(q, "colour = 'blue'").getEnumeration());
        assertThat(seen).hasSize(1);
        assertThat(text((Message) seen.get(0))).isEqualTo("b1");
    }

    // ---- topic selectors and selector syntax: need the real selector ----

    @Test
    void anInvalidSelectorIsRefusedWithInvalidSelectorException() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createConsumer(s.createTopic("t"), "colour = = 'red'"))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void aTopicSubscriberWithASelectorGetsOnlyMatchingMessages() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("coloured");
        MessageConsumer reds = s.createConsumer(t, "colour = 'red'");
        MessageConsumer all = s.createConsumer(t);
        send(s, t, "r1", "red");
        send(s, t, "b1", "blue");
        assertThat(text(reds.receive(5000))).isEqualTo("r1");
        assertThat(reds.receive(300)).isNull();
        assertThat(text(all.receive(5000))).isEqualTo("r1");
        assertThat(text(all.receive(5000))).isEqualTo("b1");
    }

    @Test
    void aDurableSubscriptionKeepsOnlyMatchingMessagesWhileDisconnected() throws Exception {
        FerryConnection conn = connect();
        conn.setClientID("selective-durable");
        conn.start();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("coloured-durable");
        s.createDurableConsumer(t, "reds", "colour = 'red'", false).close();
        send(s, t, "b1", "blue");
        send(s, t, "r1", "red");
        MessageConsumer reds = s.createDurableConsumer(t, "reds", "colour = 'red'", false);
        assertThat(text(reds.receive(5000))).isEqualTo("r1");
        assertThat(reds.receive(300)).isNull();
    }
}
