package io.ferrymq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JMS queue named *.fifo is an SQS FIFO queue: JMSXGroupID is the message group, order is kept per group. */
class FifoGroupTest extends JmsFixture {

    @Test
    void aGroupIsDeliveredInOrderAndHeldWhileOneOfItsMessagesIsUnacknowledged() throws Exception {
        FerryConnection c = started();
        Session producer = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = producer.createQueue("orders.fifo");
        MessageProducer p = producer.createProducer(q);
        for (int i = 0; i < 3; i++) {
            p.send(groupMessage(producer, "A", "a" + i));
            p.send(groupMessage(producer, "B", "b" + i));
        }

        Session first = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer one = first.createConsumer(q);
        Message a0 = one.receive(5000);
        assertThat(((TextMessage) a0).getText()).isEqualTo("a0");
        assertThat(a0.getStringProperty("JMSXGroupID")).isEqualTo("A");

        // While a0 is unacknowledged, group A is held: another consumer gets only group B, in order.
        Session second = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer two = second.createConsumer(q);
        List<String> others = new ArrayList<>();
        for (Message m; (m = two.receive(1000)) != null; ) {
            others.add(((TextMessage) m).getText());
        }
        assertThat(others).containsExactly("b0", "b1", "b2");

        a0.acknowledge();
        assertThat(texts(two, 2)).containsExactly("a1", "a2");
    }

    @Test
    void withoutAGroupTheWholeQueueKeepsItsOrder() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("ledger.fifo");
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 20; i++) {
            p.send(s.createTextMessage("m" + i));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("m" + i);
        }
        assertThat(texts(s.createConsumer(q), 20)).containsExactlyElementsOf(expected);
    }

    @Test
    void aDeliveryDelayOnAFifoQueueIsRefusedAsSqsRefusesIt() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("slow.fifo"));
        p.setDeliveryDelay(2000);
        assertThatThrownBy(() -> p.send(s.createTextMessage("x")))
                .isInstanceOf(JMSException.class).hasMessageContaining("FIFO");
    }

    private static TextMessage groupMessage(Session s, String group, String text) throws JMSException {
        TextMessage m = s.createTextMessage(text);
        m.setStringProperty("JMSXGroupID", group);
        return m;
    }

    private static List<String> texts(MessageConsumer c, int n) throws JMSException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Message m = c.receive(5000);
            assertThat(m).as("message %d of %d", i + 1, n).isNotNull();
            out.add(((TextMessage) m).getText());
        }
        return out;
    }
}
