package io.ferrymq.jms;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unshared durable subscriptions (JMS 2.0 §8.3.3): named by client ID and name, one active consumer at a time. */
class DurableSubscriptionTest extends JmsFixture {

    private FerryConnection clientConnection(String clientId) throws JMSException {
        FerryConnection c = connect();
        c.setClientID(clientId);
        c.start();
        return c;
    }

    private void publish(Topic t, String text, String key, int value) throws JMSException {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = s.createTextMessage(text);
        m.setIntProperty(key, value);
        s.createProducer(t).send(m);
        s.close();
    }

    private static String text(Message m) throws JMSException {
        assertThat(m).isNotNull();
        return ((TextMessage) m).getText();
    }

    @Test
    void messagesPublishedWhileDisconnectedArriveAfterReconnectingWithTheSameClientId() throws Exception {
        FerryConnection first = clientConnection("subscriber");
        Session s = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("news");
        MessageConsumer c = s.createDurableConsumer(t, "daily");
        publish(t, "while-connected", "n", 0);
        assertThat(text(c.receive(5000))).isEqualTo("while-connected");
        first.close();

        publish(t, "while-away-1", "n", 1);
        publish(t, "while-away-2", "n", 2);

        FerryConnection again = clientConnection("subscriber");
        MessageConsumer resumed = again.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(t, "daily");
        assertThat(text(resumed.receive(5000))).isEqualTo("while-away-1");
        assertThat(text(resumed.receive(5000))).isEqualTo("while-away-2");
        assertThat(resumed.receive(300)).isNull();
    }

    @Test
    void anotherClientIdIsAnotherSubscription() throws Exception {
        FerryConnection a = clientConnection("a");
        Topic t = a.createSession(false, Session.AUTO_ACKNOWLEDGE).createTopic("scoped");
        a.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(t, "sub").close();
        publish(t, "for-a", "n", 1);
        FerryConnection b = clientConnection("b");
        MessageConsumer cb = b.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(t, "sub");
        assertThat(cb.receive(300)).as("b's subscription began after the publish").isNull();
        MessageConsumer ca = a.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(t, "sub");
        assertThat(text(ca.receive(5000))).isEqualTo("for-a");
    }

    @Test
    void aDurableSubscriptionNeedsAClientId() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createDurableConsumer(s.createTopic("t"), "sub"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unsubscribeDeletesTheSubscriptionAndItsMessages() throws Exception {
        FerryConnection conn = clientConnection("unsub");
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("events");
        s.createDurableConsumer(t, "mine").close();
        publish(t, "old", "n", 1);
        s.unsubscribe("mine");

        MessageConsumer fresh = s.createDurableConsumer(t, "mine");
        assertThat(fresh.receive(500)).as("a new subscription of the same name has none of the old messages")
                .isNull();
        publish(t, "new", "n", 2);
        assertThat(text(fresh.receive(5000))).isEqualTo("new");
    }

    @Test
    void unsubscribeWithAnActiveConsumerThrowsIllegalStateException() throws Exception {
        FerryConnection conn = clientConnection("busy");
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("busy");
        MessageConsumer c = s.createDurableConsumer(t, "active");
        assertThatThrownBy(() -> s.unsubscribe("active")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> conn.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe("active"))
                .as("from another session of the connection too").isInstanceOf(IllegalStateException.class);
        publish(t, "still-subscribed", "n", 1);
        assertThat(text(c.receive(5000))).isEqualTo("still-subscribed");
        c.close();
        s.unsubscribe("active");
    }

    @Test
    void unsubscribingANameThatDoesNotExistThrowsInvalidDestinationException() throws Exception {
        Session s = clientConnection("nothing").createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.unsubscribe("never-made")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void aSecondActiveConsumerOnAnUnsharedDurableSubscriptionThrowsIllegalStateException() throws Exception {
        FerryConnection conn = clientConnection("single");
        Session s1 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s1.createTopic("single");
        MessageConsumer first = s1.createDurableConsumer(t, "one");
        assertThatThrownBy(() -> s2.createDurableConsumer(t, "one")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s1.createDurableSubscriber(t, "one")).isInstanceOf(IllegalStateException.class);

        publish(t, "to-the-first", "n", 1);
        assertThat(text(first.receive(5000))).as("the refused consumer did not disturb the first").isEqualTo(
                "to-the-first");
        first.close();
        MessageConsumer next = s2.createDurableConsumer(t, "one");
        publish(t, "to-the-next", "n", 2);
        assertThat(text(next.receive(5000))).isEqualTo("to-the-next");
    }

    @Test
    void subscribingWithAnotherSelectorReplacesTheSubscription() throws Exception {
        FerryConnection conn = clientConnection("selective");
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("orders");
        s.createDurableConsumer(t, "big", "amount > 100", false).close();
        publish(t, "kept-by-the-old-subscription", "amount", 5000); // matches the new selector too

        MessageConsumer changed = s.createDurableConsumer(t, "big", "amount > 1000", false);
        assertThat(changed.receive(500)).as("the old subscription and its messages are gone").isNull();
        assertThat(changed.getMessageSelector()).isEqualTo("amount > 1000");
        publish(t, "for-the-new-one", "amount", 5000);
        assertThat(text(changed.receive(5000))).isEqualTo("for-the-new-one");
    }

    @Test
    void subscribingWithTheSameSelectorKeepsTheSubscription() throws Exception {
        FerryConnection conn = clientConnection("same");
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("orders2");
        s.createDurableConsumer(t, "big", "amount > 100", false).close();
        publish(t, "kept", "amount", 500);
        MessageConsumer same = s.createDurableConsumer(t, "big", "amount > 100", false);
        assertThat(text(same.receive(5000))).isEqualTo("kept");
    }

    @Test
    void subscribingToAnotherTopicReplacesTheSubscription() throws Exception {
        FerryConnection conn = clientConnection("mover");
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic first = s.createTopic("first");
        Topic second = s.createTopic("second");
        s.createDurableConsumer(first, "sub").close();
        publish(first, "on-the-first", "n", 1);
        MessageConsumer moved = s.createDurableConsumer(second, "sub");
        assertThat(moved.receive(500)).isNull();
        publish(first, "first-again", "n", 2);
        publish(second, "on-the-second", "n", 3);
        assertThat(text(moved.receive(5000))).isEqualTo("on-the-second");
        assertThat(moved.receive(300)).isNull();
    }

    @Test
    void aNoLocalDurableSubscriberDoesNotGetWhatItsOwnConnectionPublishes() throws Exception {
        FerryConnection conn = clientConnection("quiet");
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("chatter");
        MessageConsumer c = s.createDurableConsumer(t, "others-only", null, true);
        assertThat(((jakarta.jms.TopicSubscriber) c).getNoLocal()).isTrue();
        s.createProducer(t).send(s.createTextMessage("own"));
        publish(t, "foreign", "n", 1);
        assertThat(text(c.receive(5000))).isEqualTo("foreign");
        assertThat(c.receive(300)).isNull();
    }

    @Test
    void aNoLocalDurableSubscriptionSkipsMessagesOfAnyConnectionWithItsClientId() throws Exception {
        // JMS 2.0 Session.createDurableConsumer: with noLocal, messages published by this connection "or any other
        // connection with the same client identifier" are not added to the durable subscription.
        FerryConnection first = clientConnection("same-client");
        Session s = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("echo");
        s.createDurableConsumer(t, "no-echo", null, true).close();
        s.createProducer(t).send(s.createTextMessage("own-while-inactive"));
        first.close();

        FerryConnection again = clientConnection("same-client");
        Session s2 = again.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s2.createDurableConsumer(t, "no-echo", null, true);
        publish(t, "foreign", "n", 1);
        assertThat(text(c.receive(5000))).isEqualTo("foreign");
        assertThat(c.receive(300)).isNull();
    }

    @Test
    void aNonDurableNoLocalSubscriberGetsOnlyOtherConnectionsMessages() throws Exception {
        FerryConnection conn = started();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic("local");
        MessageConsumer noLocal = s.createConsumer(t, null, true);
        MessageConsumer all = s.createConsumer(t);
        s.createProducer(t).send(s.createTextMessage("own"));
        publish(t, "foreign", "n", 1);
        assertThat(text(noLocal.receive(5000))).isEqualTo("foreign");
        assertThat(noLocal.receive(300)).isNull();
        assertThat(text(all.receive(5000))).isEqualTo("own");
        assertThat(text(all.receive(5000))).isEqualTo("foreign");
    }

    @Test
    void aDurableSubscriptionOutlivesItsMessagesBeingAcknowledgedOnlyOnce() throws Exception {
        FerryConnection conn = clientConnection("acker");
        Session s = conn.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic t = s.createTopic("acked");
        MessageConsumer c = s.createDurableConsumer(t, "sub");
        publish(t, "one", "n", 1);
        Message m = c.receive(5000);
        assertThat(text(m)).isEqualTo("one");
        conn.close(); // not acknowledged: it stays in the subscription

        FerryConnection again = clientConnection("acker");
        Session s2 = again.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c2 = s2.createDurableConsumer(t, "sub");
        Message redelivered = c2.receive(5000);
        assertThat(text(redelivered)).isEqualTo("one");
        assertThat(redelivered.getJMSRedelivered()).isTrue();
        redelivered.acknowledge();
        again.close();

        MessageConsumer c3 = clientConnection("acker").createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createDurableConsumer(t, "sub");
        assertThat(c3.receive(300)).isNull();
    }

    @Test
    void aDurableSubscriptionAndItsMessagesSurviveARestartOfADurableEngine(@org.junit.jupiter.api.io.TempDir
                                                                           java.nio.file.Path dir) throws Exception {
        String name = "restart-" + java.util.UUID.randomUUID();
        String url = "ferry:embedded?name=" + name + "&dataDir=" + dir.toString().replace("\\", "/");
        try {
            FerryConnection first = new FerryConnectionFactory(url).createConnection();
            first.setClientID("survivor");
            Session s = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic("persistent-news");
            s.createDurableConsumer(t, "keep", "n > 0", false).close();
            TextMessage m = s.createTextMessage("published-before-restart");
            m.setIntProperty("n", 1);
            s.createProducer(t).send(m);
            first.close();
            io.ferrymq.jms.provider.EmbeddedEngines.shutdown(name);

            FerryConnection again = new FerryConnectionFactory(url).createConnection();
            try {
                again.setClientID("survivor");
                again.start();
                MessageConsumer c = again.createSession(false, Session.AUTO_ACKNOWLEDGE)
                        .createDurableConsumer(t, "keep", "n > 0", false);
                assertThat(text(c.receive(5000))).isEqualTo("published-before-restart");
            } finally {
                again.close();
            }
        } finally {
            io.ferrymq.jms.provider.EmbeddedEngines.shutdown(name);
        }
    }
}
