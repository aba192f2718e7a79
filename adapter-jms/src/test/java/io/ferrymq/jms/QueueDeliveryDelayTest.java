package io.ferrymq.jms;

import io.ferrymq.jms.provider.ProviderOptions;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delivery delay on a queue (JMS 2.0 §7.9) is SQS's DelaySeconds: the engine's clock decides when the message
 * becomes receivable, so these tests move that clock by hand.
 */
class QueueDeliveryDelayTest extends ManualClockFixture {
    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws JMSException {
        session = started(factory(ProviderOptions.DEFAULTS)).createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("later");
    }

    private TextMessage sendDelayed(String text, long delayMs) throws JMSException {
        MessageProducer p = session.createProducer(queue);
        p.setDeliveryDelay(delayMs);
        TextMessage m = session.createTextMessage(text);
        p.send(m);
        return m;
    }

    @Test
    void aDelayedMessageIsReceivableOnlyOnceItsDelayHasPassed() throws Exception {
        TextMessage sent = sendDelayed("x", 5000);
        assertThat(sent.getJMSDeliveryTime()).isEqualTo(sent.getJMSTimestamp() + 5000);
        MessageConsumer c = session.createConsumer(queue);
        assertThat(c.receiveNoWait()).isNull();
        advance(Duration.ofMillis(4999));
        assertThat(c.receiveNoWait()).as("one millisecond early").isNull();
        advance(Duration.ofMillis(1));
        Message got = c.receive(5000);
        assertThat(got).isNotNull();
        assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(got.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void aDelayThatIsNotWholeSecondsIsNeverShortened() throws Exception {
        sendDelayed("x", 1500);
        MessageConsumer c = session.createConsumer(queue);
        advance(Duration.ofMillis(1499));
        assertThat(c.receiveNoWait()).isNull();
        advance(Duration.ofMillis(501));
        assertThat(c.receive(5000)).isNotNull();
    }

    @Test
    void anUndelayedMessageSentLaterOvertakesADelayedOne() throws Exception {
        sendDelayed("delayed", 60_000);
        sendDelayed("now", 0);
        MessageConsumer c = session.createConsumer(queue);
        assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("now");
        assertThat(c.receiveNoWait()).isNull();
        advance(Duration.ofMinutes(1));
        assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("delayed");
    }

    @Test
    void aListenerGetsADelayedMessageWhenItBecomesDue() throws Exception {
        BlockingQueue<Message> got = new ArrayBlockingQueue<>(10);
        session.createConsumer(queue).setMessageListener(got::add);
        sendDelayed("x", 30_000);
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
        advance(Duration.ofSeconds(30));
        assertThat(got.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void fifteenMinutesIsTheLongestDelayOnAQueue() throws Exception {
        sendDelayed("x", 900_000);
        MessageConsumer c = session.createConsumer(queue);
        advance(Duration.ofSeconds(899));
        assertThat(c.receiveNoWait()).isNull();
        advance(Duration.ofSeconds(1));
        assertThat(c.receive(5000)).isNotNull();
    }

    @Test
    void aDelayOverFifteenMinutesOnAQueueIsRefusedWithAClearMessage() throws Exception {
        assertThatThrownBy(() -> sendDelayed("x", 900_001)).isInstanceOf(JMSException.class)
                .hasMessageContaining("15 minutes").hasMessageContaining("900001");
        assertThat(session.createConsumer(queue).receiveNoWait()).isNull();
        advance(Duration.ofMinutes(20));
        assertThat(messagesIn("later")).as("nothing was sent").isZero();
    }

    @Test
    void aCommittedDelayedSendIsStillHeldUntilItsDeliveryTime() throws Exception {
        Session tx = started(factory(ProviderOptions.DEFAULTS)).createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(queue);
        p.setDeliveryDelay(10_000);
        p.send(tx.createTextMessage("x"));
        tx.commit();
        MessageConsumer c = session.createConsumer(queue);
        assertThat(c.receiveNoWait()).isNull();
        advance(Duration.ofSeconds(10));
        assertThat(c.receive(5000)).isNotNull();
    }
}
