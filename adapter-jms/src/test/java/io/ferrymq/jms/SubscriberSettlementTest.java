package io.ferrymq.jms;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A non-durable subscription's queue goes when its consumer closes, but a message the consumer delivered can still be
 * unsettled then (CLIENT_ACKNOWLEDGE, a transaction). Settling it afterwards must work like any other settlement.
 */
class SubscriberSettlementTest extends JmsFixture {

    private Message receiveOne(Session s, MessageConsumer c, Topic t) throws Exception {
        Session p = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        p.createProducer(t).send(p.createTextMessage("x"));
        Message m = c.receive(5000);
        assertThat(m).isNotNull();
        return m;
    }

    @Test
    void closingATransactedSessionThatHoldsATopicMessageSucceeds() throws Exception {
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        Topic t = tx.createTopic("held-in-tx");
        receiveOne(tx, tx.createConsumer(t), t);
        tx.close();
    }

    @Test
    void closingAClientAcknowledgeSessionThatHoldsATopicMessageSucceeds() throws Exception {
        Session s = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic t = s.createTopic("held-unacked");
        receiveOne(s, s.createConsumer(t), t);
        s.close();
    }

    @Test
    void aTransactionCommitsAfterItsTopicSubscriberClosed() throws Exception {
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        Topic t = tx.createTopic("commit-after-close");
        MessageConsumer c = tx.createConsumer(t);
        receiveOne(tx, c, t);
        c.close();
        tx.commit();
    }

    @Test
    void aMessageIsAcknowledgedAfterItsTopicSubscriberClosed() throws Exception {
        Session s = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic t = s.createTopic("ack-after-close");
        MessageConsumer c = s.createConsumer(t);
        Message m = receiveOne(s, c, t);
        c.close();
        m.acknowledge();
    }
}
