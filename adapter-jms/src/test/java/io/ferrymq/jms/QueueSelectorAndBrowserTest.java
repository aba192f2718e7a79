package io.ferrymq.jms;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Selective consumers and browsers leave the messages they do not take exactly as they were. */
class QueueSelectorAndBrowserTest extends JmsFixture {

    @Test
    void aSelectiveConsumerTakesOnlyMatchesAndLeavesTheOthersUncounted() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("paint");
        MessageProducer p = s.createProducer(q);
        for (String color : new String[] {"red", "blue", "red", "blue"}) {
            TextMessage m = s.createTextMessage(color);
            m.setStringProperty("color", color);
            p.send(m);
        }

        MessageConsumer blue = s.createConsumer(q, "color = 'blue'");
        assertThat(text(blue.receive(5000))).isEqualTo("blue");
        assertThat(text(blue.receive(5000))).isEqualTo("blue");
        assertThat(blue.receiveNoWait()).isNull();

        MessageConsumer any = s.createConsumer(q);
        for (int i = 0; i < 2; i++) {
            Message red = any.receive(5000);
            assertThat(text(red)).isEqualTo("red");
            assertThat(red.getIntProperty("JMSXDeliveryCount")).as("never leased by the blue consumer").isEqualTo(1);
            assertThat(red.getJMSRedelivered()).isFalse();
        }
    }

    @Test
    void aWaitingSelectiveConsumerIsWokenByAMatchNotByOthers() throws Exception {
        FerryConnection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("wake");
        MessageConsumer urgent = c.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createConsumer(q, "urgent = TRUE");
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        Thread waiter = new Thread(() -> {
            try {
                got.add(text(urgent.receive(10_000)));
            } catch (Exception e) {
                got.add("failed: " + e);
            }
        });
        waiter.start();
        MessageProducer p = s.createProducer(q);
        TextMessage routine = s.createTextMessage("routine");
        routine.setBooleanProperty("urgent", false);
        p.send(routine);
        TextMessage fire = s.createTextMessage("fire");
        fire.setBooleanProperty("urgent", true);
        p.send(fire);
        waiter.join();
        assertThat(got).containsExactly("fire");
        Message left = s.createConsumer(q).receive(5000);
        assertThat(text(left)).isEqualTo("routine");
        assertThat(left.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void aBrowserShowsWaitingMessagesInOrderWithoutTakingThem() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("shelf");
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 25; i++) {
            TextMessage m = s.createTextMessage("m" + i);
            m.setIntProperty("i", i);
            p.send(m);
        }
        QueueBrowser all = s.createBrowser(q);
        List<String> seen = new ArrayList<>();
        for (Object m : Collections.list(all.getEnumeration())) {
            seen.add(text((Message) m));
        }
        assertThat(seen).hasSize(25).startsWith("m0", "m1").endsWith("m24");

        QueueBrowser even = s.createBrowser(q, "i / 2 * 2 = i AND i < 6");
        List<String> evens = new ArrayList<>();
        for (Object m : Collections.list(even.getEnumeration())) {
            evens.add(text((Message) m));
        }
        assertThat(evens).containsExactly("m0", "m2", "m4");

        Message first = s.createConsumer(q).receive(5000);
        assertThat(text(first)).isEqualTo("m0");
        assertThat(first.getIntProperty("JMSXDeliveryCount")).as("browsing counts no receive").isEqualTo(1);
    }

    @Test
    void aBadSelectorFailsWhenTheConsumerIsCreated() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("bad");
        assertThatThrownBy(() -> s.createConsumer(q, "color = "))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createBrowser(q, "a LIKE 5"))
                .isInstanceOf(InvalidSelectorException.class);
    }

    private static String text(Message m) throws Exception {
        return m == null ? null : ((TextMessage) m).getText();
    }
}
