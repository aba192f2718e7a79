package io.ferrymq.jms;

import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.jms.provider.ProviderOptions;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the provider decides on the clock, as JMS defines it: expiry (JMSExpiration) and a topic message's delivery
 * time (JMSDeliveryTime), which each subscription enforces itself since SNS has no per-message delay. Both are
 * stamped and judged on the engine's clock, so these tests move that clock by hand and never wait for time to pass.
 * A receive still times out on the wall clock: one with a short timeout returning null is how a test sees that
 * nothing is available now.
 */
class ExpiryAndTopicDelayTest extends ManualClockFixture {
    private static final long TTL_MS = 60_000;
    private static final Duration PAST_THE_TTL = Duration.ofSeconds(61);
    private static final long NOTHING_NOW_MS = 200;

    private FerryConnectionFactory factory;

    @BeforeEach
    void open() {
        factory = factory(ProviderOptions.DEFAULTS);
    }

    /** Sends with a time to live of {@link #TTL_MS}, stamped from the engine's clock. */
    private TextMessage sendPerishable(Session s, Destination d, String text) throws JMSException {
        TextMessage m = s.createTextMessage(text);
        s.createProducer(d).send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, TTL_MS);
        assertThat(m.getJMSTimestamp()).as("stamped by the engine's clock").isEqualTo(clock.millis());
        assertThat(m.getJMSExpiration()).isEqualTo(m.getJMSTimestamp() + TTL_MS);
        return m;
    }

    private static String text(Message m) throws JMSException {
        assertThat(m).isNotNull();
        return ((TextMessage) m).getText();
    }

    /** The name of the one SQS queue whose name starts so (a topic subscription's). */
    private String onlyQueueStartingWith(String prefix) throws Exception {
        List<String> urls = engine.listQueues(new ListQueuesRequest(prefix, 1000, null)).get().queueUrls();
        assertThat(urls).hasSize(1);
        String url = urls.get(0);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static List<String> browse(Session s, Queue q) throws JMSException {
        List<String> texts = new ArrayList<>();
        QueueBrowser b = s.createBrowser(q);
        Enumeration<?> e = b.getEnumeration();
        while (e.hasMoreElements()) {
            texts.add(text((Message) e.nextElement()));
        }
        b.close();
        return texts;
    }

    // ---- expiry ----

    @Test
    void anExpiredQueueMessageIsNeverDeliveredAndIsDeleted() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("perishable");
        sendPerishable(s, q, "stale");
        s.createProducer(q).send(s.createTextMessage("fresh"));
        advance(PAST_THE_TTL);

        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(5000))).isEqualTo("fresh");
        assertThat(c.receive(NOTHING_NOW_MS)).isNull();
        s.close();
        assertThat(messagesIn("perishable")).as("the expired one was deleted unseen").isZero();
    }

    @Test
    void aMessageWithinItsTimeToLiveIsDeliveredWithItsExpiration() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("long-lived");
        MessageProducer p = s.createProducer(q);
        p.setTimeToLive(TTL_MS);
        TextMessage sent = s.createTextMessage("x");
        p.send(sent);
        assertThat(sent.getJMSTimestamp()).as("stamped by the engine's clock").isEqualTo(clock.millis());
        assertThat(sent.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + TTL_MS);

        advance(Duration.ofMillis(TTL_MS - 1));
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got).as("one millisecond before it expires").isNotNull();
        assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(got.getJMSExpiration()).isEqualTo(sent.getJMSExpiration());
    }

    @Test
    void anExpiredMessageIsNeverHandedToAListener() throws Exception {
        FerryConnection conn = connect(factory);
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("perishable-listener");
        sendPerishable(s, q, "stale");
        s.createProducer(q).send(s.createTextMessage("fresh"));
        advance(PAST_THE_TTL);

        BlockingQueue<String> got = new ArrayBlockingQueue<>(10);
        Session listening = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(q).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        conn.start();
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("fresh");
        assertThat(got.poll(NOTHING_NOW_MS, TimeUnit.MILLISECONDS)).isNull();
        listening.close(); // waits for the listener's acknowledgement
        assertThat(messagesIn("perishable-listener")).as("the expired one was deleted unseen").isZero();
    }

    @Test
    void anExpiredTopicMessageIsNeverDeliveredToASubscriber() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("perishable-news");
        MessageConsumer c = s.createConsumer(t);
        sendPerishable(s, t, "stale");
        s.createProducer(t).send(s.createTextMessage("fresh"));
        advance(PAST_THE_TTL);

        assertThat(text(c.receive(5000))).isEqualTo("fresh");
        assertThat(c.receive(NOTHING_NOW_MS)).isNull();
        assertThat(messagesIn(onlyQueueStartingWith("ferry-sub-"))).as("the expired one was deleted unseen")
                .isZero();
    }

    @Test
    void aMessageThatExpiresWhileHeldIsNotRedeliveredAfterRollback() throws Exception {
        Session tx = started(factory).createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("expires-in-tx");
        Session sender = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        sendPerishable(sender, q, "short-lived");
        MessageConsumer c = tx.createConsumer(q);
        assertThat(c.receive(5000)).as("received within its time to live").isNotNull();

        advance(PAST_THE_TTL);
        tx.rollback();
        assertThat(c.receive(NOTHING_NOW_MS)).isNull();
        tx.close();
        assertThat(messagesIn("expires-in-tx")).as("the expired one was deleted unseen").isZero();
    }

    @Test
    void aMessageThatExpiresWhileADurableSubscriberIsAwayIsNotDelivered() throws Exception {
        FerryConnection conn = connect(factory);
        conn.setClientID("away");
        conn.start();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("expiring-news");
        s.createDurableConsumer(t, "sub").close();
        sendPerishable(s, t, "stale");
        s.createProducer(t).send(s.createTextMessage("fresh"));
        advance(PAST_THE_TTL);

        MessageConsumer c = s.createDurableConsumer(t, "sub");
        assertThat(text(c.receive(5000))).isEqualTo("fresh");
        assertThat(c.receive(NOTHING_NOW_MS)).isNull();
        assertThat(messagesIn(onlyQueueStartingWith("ferry-dsub-"))).as("the expired one was deleted unseen")
                .isZero();
    }

    @Test
    void aQueueBrowserDoesNotShowAnExpiredMessage() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("perishable-browsed");
        sendPerishable(s, q, "stale");
        s.createProducer(q).send(s.createTextMessage("fresh"));
        assertThat(browse(s, q)).as("within its time to live").containsExactly("stale", "fresh");

        advance(PAST_THE_TTL);
        assertThat(browse(s, q)).containsExactly("fresh");
        assertThat(messagesIn("perishable-browsed")).as("browsing takes nothing").isEqualTo(2);

        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(5000))).isEqualTo("fresh");
        assertThat(c.receive(NOTHING_NOW_MS)).isNull();
        s.close();
        assertThat(messagesIn("perishable-browsed")).isZero();
    }

    // ---- delivery delay on topics ----

    @Test
    void aDelayedTopicMessageReachesTheSubscriberNotBeforeItsDeliveryTimeAndCountedOnce() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("scheduled");
        MessageConsumer c = s.createConsumer(t);
        MessageProducer delayed = s.createProducer(t);
        delayed.setDeliveryDelay(30_000);
        TextMessage sent = s.createTextMessage("later");
        delayed.send(sent);
        assertThat(sent.getJMSDeliveryTime()).isEqualTo(sent.getJMSTimestamp() + 30_000);
        s.createProducer(t).send(s.createTextMessage("now"));

        assertThat(text(c.receive(5000))).as("the undelayed one overtakes").isEqualTo("now");
        assertThat(c.receive(NOTHING_NOW_MS)).as("received early, so hidden again").isNull();
        advance(Duration.ofMillis(29_999));
        assertThat(c.receive(NOTHING_NOW_MS)).as("one millisecond early").isNull();
        advance(Duration.ofMillis(1));

        Message got = c.receive(5000);
        assertThat(text(got)).isEqualTo("later");
        assertThat(got.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        assertThat(got.getIntProperty("JMSXDeliveryCount")).as("holding it back was not a delivery").isEqualTo(1);
        assertThat(got.getJMSRedelivered()).isFalse();
    }

    @Test
    void aDelayedTopicMessageReachesAListenerNotBeforeItsDeliveryTime() throws Exception {
        FerryConnection conn = connect(factory);
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("scheduled-listener");
        record Arrival(long clockAt, long deliveryTime, int deliveryCount, boolean redelivered) {
        }
        BlockingQueue<Arrival> got = new ArrayBlockingQueue<>(10);
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(t).setMessageListener(m -> {
            try {
                got.add(new Arrival(clock.millis(), m.getJMSDeliveryTime(), m.getIntProperty("JMSXDeliveryCount"),
                        m.getJMSRedelivered()));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        conn.start();
        MessageProducer p = s.createProducer(t);
        p.setDeliveryDelay(30_000);
        TextMessage sent = s.createTextMessage("later");
        p.send(sent);

        assertThat(got.poll(NOTHING_NOW_MS, TimeUnit.MILLISECONDS)).isNull();
        // A whole second early, not one millisecond: the listener may take the message only after this advance,
        // and the provider lets a message that is due within a few milliseconds through.
        advance(Duration.ofSeconds(29));
        assertThat(got.poll(NOTHING_NOW_MS, TimeUnit.MILLISECONDS)).as("a second early").isNull();
        advance(Duration.ofSeconds(1));

        Arrival arrival = got.poll(5, TimeUnit.SECONDS);
        assertThat(arrival).isNotNull();
        assertThat(arrival.deliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        assertThat(arrival.clockAt()).isGreaterThanOrEqualTo(arrival.deliveryTime());
        assertThat(arrival.deliveryCount()).as("holding it back was not a delivery").isEqualTo(1);
        assertThat(arrival.redelivered()).isFalse();
    }

    @Test
    void twelveHoursIsTheLongestDelayOnATopic() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("latest");
        MessageConsumer c = s.createConsumer(t);
        MessageProducer p = s.createProducer(t);
        p.setDeliveryDelay(Duration.ofHours(12).toMillis());
        p.send(s.createTextMessage("x"));
        assertThat(c.receive(NOTHING_NOW_MS)).isNull();
        advance(Duration.ofHours(12).minusMillis(1));
        assertThat(c.receive(NOTHING_NOW_MS)).as("one millisecond early").isNull();
        advance(Duration.ofMillis(1));
        Message got = c.receive(5000);
        assertThat(text(got)).isEqualTo("x");
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void aTopicDelayOverTwelveHoursIsRefusedWithAClearMessage() throws Exception {
        Session s = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("too-late");
        MessageConsumer c = s.createConsumer(t);
        MessageProducer p = s.createProducer(t);
        p.setDeliveryDelay(43_200_001);
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(JMSException.class)
                .hasMessageContaining("12 hours");
        advance(Duration.ofHours(13));
        assertThat(c.receive(NOTHING_NOW_MS)).as("nothing was sent").isNull();
    }
}
