package io.ferrymq.jms;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QueueBasicsTest extends JmsFixture {

    @Test
    void aSentTextMessageIsReceivedOnceWithItsHeadersAndProperties() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("orders.in");
        MessageProducer p = s.createProducer(q);
        TextMessage sent = s.createTextMessage("hello");
        sent.setStringProperty("region", "eu");
        sent.setIntProperty("n", 7);
        p.send(sent);

        MessageConsumer c = s.createConsumer(q);
        TextMessage got = (TextMessage) c.receive(5000);
        assertThat(got.getText()).isEqualTo("hello");
        assertThat(got.getStringProperty("region")).isEqualTo("eu");
        assertThat(got.getIntProperty("n")).isEqualTo(7);
        assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID()).startsWith("ID:");
        assertThat(got.getJMSDestination()).isEqualTo(q);
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(c.receiveNoWait()).isNull();
    }

    @Test
    void aListenerGetsEveryMessageInOrder() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("work");
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 25; i++) {
            p.send(s.createTextMessage("m" + i));
        }
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        Session ls = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        ls.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(((TextMessage) m).getText());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        conn.start();
        for (int i = 0; i < 25; i++) {
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("m" + i);
        }
    }

    @Test
    void aRolledBackReceiveComesBackRedelivered() throws Exception {
        Session s = started().createSession(true, Session.SESSION_TRANSACTED);
        Queue q = s.createQueue("tx");
        s.createProducer(q).send(s.createTextMessage("x"));
        MessageConsumer c = s.createConsumer(q);
        assertThat(c.receive(1000)).as("an uncommitted send is not visible").isNull();
        s.commit();
        Message first = c.receive(5000);
        assertThat(first.getJMSRedelivered()).isFalse();
        s.rollback();
        Message again = c.receive(5000);
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        s.commit();
        assertThat(c.receiveNoWait()).isNull();
    }

    @Test
    void topicSubscribersEachGetAPublishedMessage() throws Exception {
        FerryConnection conn = started();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        var t = s.createTopic("prices");
        MessageConsumer a = s.createConsumer(t);
        MessageConsumer b = s.createConsumer(t);
        TextMessage m = s.createTextMessage("up");
        for (int i = 0; i < 12; i++) {
            m.setIntProperty("p" + i, i);
        }
        s.createProducer(t).send(m);
        for (MessageConsumer c : new MessageConsumer[] {a, b}) {
            TextMessage got = (TextMessage) c.receive(5000);
            assertThat(got.getText()).isEqualTo("up");
            assertThat(got.getIntProperty("p11")).isEqualTo(11);
            assertThat(got.getJMSDestination()).isEqualTo(t);
        }
    }
}
