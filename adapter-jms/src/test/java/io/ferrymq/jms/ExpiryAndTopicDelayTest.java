package io.ferrymq.jms;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the provider decides on the wall clock, as JMS defines it: expiry (JMSExpiration) and a topic message's
 * delivery time (JMSDeliveryTime), which each subscription enforces itself since SNS has no per-message delay.
 * Nothing here asserts how long anything took: a test waits until the wall clock has passed a message's own
 * expiration before it looks, and checks a delayed message's arrival against its own delivery time.
 */
class ExpiryAndTopicDelayTest extends JmsFixture {

    /** Sends with a 1 ms time to live and returns once that has certainly passed. */
    private static TextMessage sendExpired(Session s, jakarta.jms.Destination d, String text) throws Exception {
        TextMessage m = s.createTextMessage(text);
        s.createProducer(d).send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 1);
        assertThat(m.getJMSExpiration()).isPositive();
        while (System.currentTimeMillis() <= m.getJMSExpiration()) {
            Thread.sleep(5);
        }
        return m;
    }

    private void awaitEmpty(String sqsQueue) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (messagesIn(sqsQueue) != 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(messagesIn(sqsQueue)).isZero();
    }

    @Test
    void anExpiredQueueMessageIsNeverDeliveredAndIsDeleted() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("perishable");
        sendExpired(s, q, "stale");
        s.createProducer(q).send(s.createTextMessage("fresh"));

        MessageConsumer c = s.createConsumer(q);
        assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("fresh");
        assertThat(c.receive(300)).isNull();
        awaitEmpty("perishable");
    }

    @Test
    void anExpiredMessageIsNeverHandedToAListener() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("perishable-listener");
        sendExpired(s, q, "stale");
        s.createProducer(q).send(s.createTextMessage("fresh"));
        BlockingQueue<String> got = new ArrayBlockingQueue<>(10);
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        conn.start();
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("fresh");
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
        awaitEmpty("perishable-listener");
    }

    @Test
    void anExpiredTopicMessageIsNeverDeliveredToASubscriber() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("perishable-news");
        MessageConsumer c = s.createConsumer(t);
        sendExpired(s, t, "stale");
        s.createProducer(t).send(s.createTextMessage("fresh"));
        assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("fresh");
        assertThat(c.receive(300)).isNull();
    }

    @Test
    void aMessageWithinItsTimeToLiveIsDeliveredWithItsExpiration() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("long-lived");
        MessageProducer p = s.createProducer(q);
        p.setTimeToLive(3_600_000);
        TextMessage sent = s.createTextMessage("x");
        p.send(sent);
        assertThat(sent.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 3_600_000);
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSExpiration()).isEqualTo(sent.getJMSExpiration());
    }

    @Test
    void aDelayedTopicMessageReachesTheSubscriberNotBeforeItsDeliveryTimeAndCountedOnce() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("scheduled");
        MessageConsumer c = s.createConsumer(t);
        MessageProducer delayed = s.createProducer(t);
        delayed.setDeliveryDelay(1500);
        TextMessage sent = s.createTextMessage("later");
        delayed.send(sent);
        s.createProducer(t).send(s.createTextMessage("now"));

        assertThat(((TextMessage) c.receive(5000)).getText()).as("the undelayed one overtakes").isEqualTo("now");
        Message got = c.receive(10_000);
        long arrived = System.currentTimeMillis();
        assertThat(got).isNotNull();
        assertThat(((TextMessage) got).getText()).isEqualTo("later");
        assertThat(got.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        assertThat(arrived).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
        assertThat(got.getIntProperty("JMSXDeliveryCount")).as("holding it back was not a delivery").isEqualTo(1);
        assertThat(got.getJMSRedelivered()).isFalse();
    }

    @Test
    void aDelayedTopicMessageReachesAListenerNotBeforeItsDeliveryTime() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("scheduled-listener");
        BlockingQueue<long[]> got = new ArrayBlockingQueue<>(10);
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(t).setMessageListener(m -> {
            try {
                got.add(new long[] {System.currentTimeMillis(), m.getJMSDeliveryTime(),
                        m.getIntProperty("JMSXDeliveryCount")});
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        conn.start();
        MessageProducer p = s.createProducer(t);
        p.setDeliveryDelay(1000);
        p.send(s.createTextMessage("later"));
        long[] arrival = got.poll(10, TimeUnit.SECONDS);
        assertThat(arrival).isNotNull();
        assertThat(arrival[0]).isGreaterThanOrEqualTo(arrival[1]);
        assertThat(arrival[2]).isEqualTo(1);
    }

    @Test
    void aTopicDelayOverTwelveHoursIsRefusedWithAClearMessage() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createTopic("too-late"));
        p.setDeliveryDelay(43_200_001);
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(JMSException.class)
                .hasMessageContaining("12 hours");
    }

    @Test
    void aMessageThatExpiresWhileHeldIsNotRedeliveredAfterRollback() throws Exception {
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("expires-in-tx");
        Session sender = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = sender.createTextMessage("short-lived");
        sender.createProducer(q).send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 2000);
        MessageConsumer c = tx.createConsumer(q);
        assertThat(c.receive(5000)).as("received within its time to live").isNotNull();
        while (System.currentTimeMillis() <= m.getJMSExpiration()) {
            Thread.sleep(5);
        }
        tx.rollback();
        assertThat(c.receive(300)).isNull();
        awaitEmpty("expires-in-tx");
    }

    @Test
    void aMessageThatExpiresWhileADurableSubscriberIsAwayIsNotDelivered() throws Exception {
        FerryConnection conn = connect();
        conn.setClientID("away");
        conn.start();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("expiring-news");
        s.createDurableConsumer(t, "sub").close();
        sendExpired(s, t, "stale");
        s.createProducer(t).send(s.createTextMessage("fresh"));
        MessageConsumer c = s.createDurableConsumer(t, "sub");
        assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("fresh");
        assertThat(c.receive(300)).isNull();
    }
}
