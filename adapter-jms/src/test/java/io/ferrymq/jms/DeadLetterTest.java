package io.ferrymq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code maxReceiveCount=3&deadLetterQueue=DLQ}: a message that fails three deliveries ends in DLQ, whole, as a
 * broker's poison message ends in its dead-letter address. The fourth receive is the one that moves it.
 */
class DeadLetterTest extends JmsFixture {
    private FerryConnectionFactory redelivering;
    private Session producerSession;
    private MessageConsumer dlq;

    @BeforeEach
    void open() throws JMSException {
        redelivering = factoryWith("maxReceiveCount=3&deadLetterQueue=DLQ");
        producerSession = started(redelivering).createSession(false, Session.AUTO_ACKNOWLEDGE);
        dlq = producerSession.createConsumer(producerSession.createQueue("DLQ"));
    }

    private TextMessage poison(jakarta.jms.Destination d) throws JMSException {
        TextMessage m = producerSession.createTextMessage("poison");
        m.setStringProperty("orderId", "A-17");
        m.setIntProperty("attempt", 0);
        m.setDoubleProperty("amount", 12.5);
        m.setJMSCorrelationID("corr-17");
        m.setJMSType("order");
        MessageProducer p = producerSession.createProducer(d);
        p.send(m);
        return m;
    }

    private void assertDeadLettered(Message sent, Message dead) throws JMSException {
        assertThat(dead).as("the message reached the DLQ").isNotNull();
        assertThat(dead.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(((TextMessage) dead).getText()).isEqualTo("poison");
        assertThat(dead.getStringProperty("orderId")).isEqualTo("A-17");
        assertThat(dead.getIntProperty("attempt")).isEqualTo(0);
        assertThat(dead.getDoubleProperty("amount")).isEqualTo(12.5);
        assertThat(dead.getJMSCorrelationID()).isEqualTo("corr-17");
        assertThat(dead.getJMSType()).isEqualTo("order");
        assertThat(dead.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
        assertThat(dead.getIntProperty("JMSXDeliveryCount")).as("three failed deliveries, and this one")
                .isEqualTo(4);
        assertThat(dead.getJMSRedelivered()).isTrue();
    }

    /** Subscribes a listener that throws on every message and records each delivery's JMSXDeliveryCount. */
    private List<Integer> alwaysThrowing(FerryConnection conn, int mode, jakarta.jms.Destination d)
            throws JMSException {
        List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
        conn.createSession(false, mode).createConsumer(d).setMessageListener(m -> {
            try {
                counts.add(m.getIntProperty("JMSXDeliveryCount"));
            } catch (JMSException e) {
                counts.add(-1);
            }
            throw new RuntimeException("cannot process this");
        });
        return counts;
    }

    @Test
    void aMessageAListenerAlwaysThrowsOnEndsInTheDeadLetterQueueAfterThreeDeliveries() throws Exception {
        Queue q = producerSession.createQueue("work");
        FerryConnection conn = connect(redelivering);
        List<Integer> deliveries = alwaysThrowing(conn, Session.AUTO_ACKNOWLEDGE, q);
        TextMessage sent = poison(q);
        conn.start();

        assertDeadLettered(sent, dlq.receive(10_000));
        assertThat(deliveries).containsExactly(1, 2, 3);
        conn.close();
        assertThat(deliveries).as("no delivery after the third").containsExactly(1, 2, 3);
        assertThat(messagesIn("work")).isZero();
    }

    @Test
    void aMessageATransactedConsumerAlwaysRollsBackEndsInTheDeadLetterQueueAfterThreeDeliveries()
            throws Exception {
        Queue q = producerSession.createQueue("tx-work");
        TextMessage sent = poison(q);
        Session tx = started(redelivering).createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        for (int delivery = 1; delivery <= 3; delivery++) {
            Message m = c.receive(5000);
            assertThat(m).isNotNull();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
            tx.rollback();
        }
        assertThat(c.receive(500)).as("the fourth receive moved it away").isNull();
        assertDeadLettered(sent, dlq.receive(10_000));
    }

    @Test
    void aMessageAClientAcknowledgeSessionAlwaysRecoversEndsInTheDeadLetterQueueAfterThreeDeliveries()
            throws Exception {
        Queue q = producerSession.createQueue("client-work");
        TextMessage sent = poison(q);
        Session s = started(redelivering).createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        for (int delivery = 1; delivery <= 3; delivery++) {
            Message m = c.receive(5000);
            assertThat(m).isNotNull();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
            s.recover();
        }
        assertThat(c.receive(500)).isNull();
        assertDeadLettered(sent, dlq.receive(10_000));
    }

    @Test
    void aDeadLetteredMapMessageKeepsItsBody() throws Exception {
        Queue q = producerSession.createQueue("map-work");
        MapMessage sent = producerSession.createMapMessage();
        sent.setString("sku", "X-1");
        sent.setInt("qty", 3);
        sent.setBytes("raw", new byte[] {1, 2});
        producerSession.createProducer(q).send(sent);
        Session tx = started(redelivering).createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        for (int i = 0; i < 3; i++) {
            assertThat(c.receive(5000)).isNotNull();
            tx.rollback();
        }
        assertThat(c.receive(500)).isNull();
        MapMessage dead = (MapMessage) dlq.receive(10_000);
        assertThat(dead.getString("sku")).isEqualTo("X-1");
        assertThat(dead.getInt("qty")).isEqualTo(3);
        assertThat(dead.getBytes("raw")).containsExactly(1, 2);
    }

    @Test
    void aMessageBelowTheLimitIsNotDeadLettered() throws Exception {
        Queue q = producerSession.createQueue("second-time-lucky");
        poison(q);
        Session tx = started(redelivering).createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        assertThat(c.receive(5000)).isNotNull();
        tx.rollback();
        assertThat(c.receive(5000)).isNotNull();
        tx.rollback();
        Message third = c.receive(5000);
        assertThat(third.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        tx.commit();
        assertThat(dlq.receive(300)).isNull();
    }

    @Test
    void aTopicMessageASubscriberAlwaysThrowsOnEndsInTheDeadLetterQueueAsTheMessageItWas() throws Exception {
        Topic t = producerSession.createTopic("alerts");
        FerryConnection conn = connect(redelivering);
        List<Integer> deliveries = alwaysThrowing(conn, Session.AUTO_ACKNOWLEDGE, t);
        conn.start();
        TextMessage sent = poison(t);
        assertDeadLettered(sent, dlq.receive(10_000));
        assertThat(deliveries).containsExactly(1, 2, 3);
    }

    @Test
    void aMessageADurableSubscriberAlwaysRollsBackEndsInTheDeadLetterQueue() throws Exception {
        Topic t = producerSession.createTopic("audit");
        FerryConnection conn = connect(redelivering);
        conn.setClientID("auditor");
        conn.start();
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createDurableConsumer(t, "audit-log");
        TextMessage sent = poison(t);
        for (int delivery = 1; delivery <= 3; delivery++) {
            Message m = c.receive(5000);
            assertThat(m).isNotNull();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
            tx.rollback();
        }
        assertThat(c.receive(500)).isNull();
        assertDeadLettered(sent, dlq.receive(10_000));
    }

    @Test
    void aMessageSentToATemporaryQueueThatAlwaysFailsEndsInTheDeadLetterQueue() throws Exception {
        FerryConnection conn = started(redelivering);
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        Queue temp = tx.createTemporaryQueue();
        TextMessage sent = poison(temp);
        MessageConsumer c = tx.createConsumer(temp);
        for (int delivery = 1; delivery <= 3; delivery++) {
            assertThat(c.receive(5000)).isNotNull();
            tx.rollback();
        }
        assertThat(c.receive(500)).isNull();
        assertDeadLettered(sent, dlq.receive(10_000));
    }

    @Test
    void aFifoQueueDeadLettersToTheFifoTwinOfTheDeadLetterQueue() throws Exception {
        Queue q = producerSession.createQueue("jobs.fifo");
        TextMessage sent = poison(q);
        Session tx = started(redelivering).createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        for (int delivery = 1; delivery <= 3; delivery++) {
            assertThat(c.receive(5000)).isNotNull();
            tx.rollback();
        }
        assertThat(c.receive(500)).isNull();
        MessageConsumer fifoDlq = producerSession.createConsumer(producerSession.createQueue("DLQ.fifo"));
        assertDeadLettered(sent, fifoDlq.receive(10_000));
        assertThat(dlq.receive(300)).as("not the standard DLQ").isNull();
    }
}
