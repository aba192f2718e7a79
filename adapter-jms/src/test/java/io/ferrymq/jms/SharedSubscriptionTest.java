package io.ferrymq.jms;

import io.ferrymq.engine.sqs.ListQueuesRequest;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared subscriptions (JMS 2.0 §8.3.2 and §8.3.4): one subscription, many consumers, each message to one of them. */
class SharedSubscriptionTest extends JmsFixture {

    private static void publish(Session s, Topic t, String... texts) throws JMSException {
        MessageProducer p = s.createProducer(t);
        for (String text : texts) {
            p.send(s.createTextMessage(text));
        }
    }

    private static String[] numbered(String prefix, int n) {
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = prefix + i;
        }
        return texts;
    }

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    @Test
    void twoConsumersOnOneSharedSubscriptionEachGetADifferentPartOfTheMessages() throws Exception {
        FerryConnection conn = started();
        Session s1 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s1.createTopic("split");
        MessageConsumer a = s1.createSharedConsumer(t, "workers");
        FerryConnection other = started();
        MessageConsumer b = other.createSession(false, Session.AUTO_ACKNOWLEDGE).createSharedConsumer(t, "workers");
        publish(s1, t, numbered("m", 20));

        List<String> gotA = new ArrayList<>();
        List<String> gotB = new ArrayList<>();
        while (gotA.size() + gotB.size() < 20) {
            Message m = a.receive(5000);
            assertThat(m).as("received so far: %s %s", gotA, gotB).isNotNull();
            gotA.add(text(m));
            m = b.receive(5000);
            assertThat(m).as("received so far: %s %s", gotA, gotB).isNotNull();
            gotB.add(text(m));
        }
        assertThat(a.receive(300)).isNull();
        assertThat(b.receive(300)).isNull();
        assertThat(gotA).hasSize(10).doesNotContainAnyElementsOf(gotB);
        Set<String> all = new HashSet<>(gotA);
        all.addAll(gotB);
        assertThat(all).containsExactlyInAnyOrder(numbered("m", 20));
    }

    @Test
    void anotherSharedSubscriptionNameGetsItsOwnCopy() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("copies");
        MessageConsumer audit = s.createSharedConsumer(t, "audit");
        MessageConsumer billing = s.createSharedConsumer(t, "billing");
        MessageConsumer plain = s.createConsumer(t);
        publish(s, t, "x");
        assertThat(text(audit.receive(5000))).isEqualTo("x");
        assertThat(text(billing.receive(5000))).isEqualTo("x");
        assertThat(text(plain.receive(5000))).isEqualTo("x");
        assertThat(audit.receive(300)).isNull();
        assertThat(billing.receive(300)).isNull();
    }

    @Test
    void aSharedDurableSubscriptionKeepsMessagesPublishedWhileItHasNoConsumer() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("kept");
        MessageConsumer a = s.createSharedDurableConsumer(t, "archive");
        MessageConsumer b = s.createSharedDurableConsumer(t, "archive");
        a.close();
        b.close();
        publish(s, t, "while-away-1", "while-away-2");

        Session later = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = later.createSharedDurableConsumer(t, "archive");
        Set<String> got = new HashSet<>();
        got.add(text(c.receive(5000)));
        got.add(text(c.receive(5000)));
        assertThat(got).containsExactlyInAnyOrder("while-away-1", "while-away-2");
        c.close();
        later.unsubscribe("archive");
    }

    @Test
    void aSharedNonDurableSubscriptionLivesWhileItHasAConsumer() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("transient");
        MessageConsumer a = s.createSharedConsumer(t, "live");
        MessageConsumer b = s.createSharedConsumer(t, "live");
        a.close();
        publish(s, t, "still-there");
        assertThat(text(b.receive(5000))).as("one consumer left keeps the subscription").isEqualTo("still-there");

        b.close();
        assertThat(subscriptionQueues("ferry-ssub-")).as("the last consumer removed the subscription's queue")
                .isEmpty();
        publish(s, t, "nobody-listens");
        MessageConsumer c = s.createSharedConsumer(t, "live");
        assertThat(c.receive(500)).as("a new subscription starts empty").isNull();
        publish(s, t, "new");
        assertThat(text(c.receive(5000))).isEqualTo("new");
    }

    @Test
    void theClientIdIsPartOfASharedSubscriptionsName() throws Exception {
        FerryConnection x = connect();
        x.setClientID("client-x");
        x.start();
        FerryConnection y = connect();
        y.setClientID("client-y");
        y.start();
        Session sx = x.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session sy = y.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = sx.createTopic("per-client");
        MessageConsumer cx = sx.createSharedConsumer(t, "same-name");
        MessageConsumer cy = sy.createSharedConsumer(t, "same-name");
        publish(sx, t, "both");
        assertThat(text(cx.receive(5000))).isEqualTo("both");
        assertThat(text(cy.receive(5000))).isEqualTo("both");
    }

    @Test
    void aSharedConsumerForAnotherTopicOnAnActiveSubscriptionIsRefused() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createSharedConsumer(s.createTopic("first"), "taken");
        assertThatThrownBy(() -> s.createSharedConsumer(s.createTopic("second"), "taken"))
                .isInstanceOf(JMSException.class);
    }

    @Test
    void anUnsharedDurableConsumerCannotJoinAnActiveSharedDurableSubscription() throws Exception {
        FerryConnection conn = connect();
        conn.setClientID("mixed");
        conn.start();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("mixed");
        s.createSharedDurableConsumer(t, "sub");
        assertThatThrownBy(() -> s.createDurableConsumer(t, "sub"))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void unsubscribingASharedDurableSubscriptionWithActiveConsumersThrowsIllegalStateException() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("busy-shared");
        MessageConsumer c = s.createSharedDurableConsumer(t, "shared-busy");
        assertThatThrownBy(() -> s.unsubscribe("shared-busy")).isInstanceOf(jakarta.jms.IllegalStateException.class);
        c.close();
        s.unsubscribe("shared-busy");
        assertThat(subscriptionQueues("ferry-dsub-")).isEmpty();
    }

    @Test
    void aSharedAndAnUnsharedDurableSubscriptionCannotHaveTheSameNameAndClientId() throws Exception {
        // JMS 2.0 Session.createSharedDurableConsumer: "If an unshared durable subscription exists with the same name
        // and client identifier (if set) then a JMSException is thrown" (and the other way round).
        FerryConnection conn = connect();
        conn.setClientID("both-kinds");
        conn.start();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("kinds");
        s.createDurableConsumer(t, "unshared").close();
        assertThatThrownBy(() -> s.createSharedDurableConsumer(t, "unshared")).isInstanceOf(JMSException.class);

        s.createSharedDurableConsumer(t, "shared").close();
        assertThatThrownBy(() -> s.createDurableConsumer(t, "shared")).isInstanceOf(JMSException.class);
    }

    private List<String> subscriptionQueues(String prefix) throws Exception {
        return engine().listQueues(new ListQueuesRequest(prefix, 1000, null)).get().queueUrls();
    }
}
