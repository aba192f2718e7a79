package io.ferrymq.compat.scenario;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What several scenarios need: fresh destination names, generous waits, short checks that nothing is left. */
final class ScenarioSupport {
    /** How long a scenario waits for a message that should come: generous, as a loaded machine may be slow. */
    static final long RECEIVE_MS = 10_000;
    /** How long a scenario waits to be satisfied that no message comes. */
    static final long NOTHING_MS = 1_000;

    private ScenarioSupport() {
    }

    /** A destination name no other scenario or invocation uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The next message's text; fails when none comes within {@link #RECEIVE_MS}. */
    static TextMessage receiveText(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(RECEIVE_MS);
        assertThat(m).as("a message within %d ms", RECEIVE_MS).isInstanceOf(TextMessage.class);
        return (TextMessage) m;
    }

    /** Fails when a message arrives within {@link #NOTHING_MS}, naming it. */
    static void assertNothingMore(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(NOTHING_MS);
        assertThat(m == null ? null : describe(m)).as("no further message").isNull();
    }

    static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    static String describe(Message m) throws JMSException {
        return (m instanceof TextMessage t ? "'" + t.getText() + "'" : m.getClass().getSimpleName())
                + " (JMSRedelivered=" + m.getJMSRedelivered() + ")";
    }
}
