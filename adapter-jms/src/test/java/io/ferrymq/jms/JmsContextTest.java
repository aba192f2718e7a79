package io.ferrymq.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simplified API (JMS 2.0 chapter 11): JMSContext, JMSProducer and JMSConsumer. */
class JmsContextTest extends JmsFixture {

    record Point(int x, int y) implements Serializable {
    }

    @Test
    void eachBodyTypeSentByJmsProducerIsReceivedWithReceiveBody() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("bodies");
        JMSProducer p = ctx.createProducer();
        JMSConsumer c = ctx.createConsumer(q);

        p.send(q, "text");
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("text");

        p.send(q, Map.of("k", "v", "n", 3));
        assertThat((Map<?, ?>) c.receiveBody(Map.class, 5000)).isEqualTo(Map.of("k", "v", "n", 3));

        p.send(q, new byte[] {1, 2, 3});
        assertThat(c.receiveBody(byte[].class, 5000)).containsExactly(1, 2, 3);

        p.send(q, new Point(1, 2));
        assertThat(c.receiveBody(Point.class, 5000)).isEqualTo(new Point(1, 2));
        p.send(q, (Serializable) List.of("a", "b"));
        assertThat(c.receiveBody(Serializable.class, 5000)).isEqualTo(List.of("a", "b"));

        p.send(q, ctx.createMessage());
        Message none = c.receive(5000);
        assertThat(none).isNotNull();
        assertThat(none.getBody(Object.class)).as("a Message without body").isNull();

        assertThat(c.receiveBodyNoWait(String.class)).isNull();
    }

    @Test
    void eachBodyTypeArrivesAsItsMessageType() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("types");
        JMSProducer p = ctx.createProducer();
        JMSConsumer c = ctx.createConsumer(q);
        p.send(q, "t").send(q, Map.of("a", 1)).send(q, new byte[] {9}).send(q, new Point(3, 4));
        assertThat(c.receive(5000)).isInstanceOf(TextMessage.class);
        assertThat(((MapMessage) c.receive(5000)).getInt("a")).isEqualTo(1);
        BytesMessage bytes = (BytesMessage) c.receive(5000);
        assertThat(bytes.getBodyLength()).isEqualTo(1);
        assertThat(bytes.readByte()).isEqualTo((byte) 9);
        assertThat(((ObjectMessage) c.receive(5000)).getObject()).isEqualTo(new Point(3, 4));
    }

    @Test
    void producerPropertiesAndHeadersAreAppliedToTheSentMessage() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("headers");
        Queue replies = ctx.createQueue("replies");
        JMSProducer p = ctx.createProducer()
                .setProperty("flag", true).setProperty("b", (byte) 1).setProperty("s", (short) 2)
                .setProperty("i", 3).setProperty("l", 4L).setProperty("f", 5.5f).setProperty("d", 6.5)
                .setProperty("str", "seven").setProperty("obj", 8)
                .setJMSCorrelationID("corr-1").setJMSType("order").setJMSReplyTo(replies)
                .setPriority(7).setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(600_000);
        JMSConsumer c = ctx.createConsumer(q);
        long before = System.currentTimeMillis();
        p.send(q, "body");

        Message m = c.receive(5000);
        assertThat(m.getBooleanProperty("flag")).isTrue();
        assertThat(m.getByteProperty("b")).isEqualTo((byte) 1);
        assertThat(m.getShortProperty("s")).isEqualTo((short) 2);
        assertThat(m.getIntProperty("i")).isEqualTo(3);
        assertThat(m.getLongProperty("l")).isEqualTo(4L);
        assertThat(m.getFloatProperty("f")).isEqualTo(5.5f);
        assertThat(m.getDoubleProperty("d")).isEqualTo(6.5);
        assertThat(m.getStringProperty("str")).isEqualTo("seven");
        assertThat(m.getObjectProperty("obj")).isEqualTo(8);
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(m.getJMSType()).isEqualTo("order");
        assertThat(m.getJMSReplyTo()).isEqualTo(replies);
        assertThat(m.getJMSPriority()).isEqualTo(7);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSExpiration()).isGreaterThanOrEqualTo(before + 600_000);
        assertThat(m.getJMSMessageID()).startsWith("ID:");
    }

    @Test
    void producerPropertiesStayOnTheProducerForEverySend() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("sticky");
        JMSProducer p = ctx.createProducer().setProperty("tenant", "acme");
        JMSConsumer c = ctx.createConsumer(q);
        p.send(q, "one");
        p.send(q, "two");
        assertThat(c.receive(5000).getStringProperty("tenant")).isEqualTo("acme");
        assertThat(c.receive(5000).getStringProperty("tenant")).isEqualTo("acme");
        p.clearProperties();
        p.send(q, "three");
        assertThat(c.receive(5000).propertyExists("tenant")).isFalse();
    }

    @Test
    void twoProducersOfOneContextHaveTheirOwnSettings() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("independent");
        JMSProducer urgent = ctx.createProducer().setPriority(9).setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(60_000);
        JMSProducer plain = ctx.createProducer();
        assertThat(plain.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(plain.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(plain.getTimeToLive()).isZero();

        JMSConsumer c = ctx.createConsumer(q);
        plain.send(q, "plain");
        Message m = c.receive(5000);
        assertThat(m.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(urgent.getPriority()).isEqualTo(9);
    }

    @Test
    void aConsumerStartsTheConnectionUnlessAutoStartIsOff() throws Exception {
        JMSContext sender = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = sender.createQueue("autostart");
        sender.createProducer().send(q, "a");

        JMSContext manual = context(JMSContext.AUTO_ACKNOWLEDGE);
        manual.setAutoStart(false);
        JMSConsumer c = manual.createConsumer(q);
        assertThat(c.receive(300)).as("not started: nothing is delivered").isNull();
        manual.start();
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("a");

        sender.createProducer().send(q, "b");
        JMSContext auto = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(auto.getAutoStart()).isTrue();
        assertThat(auto.createConsumer(q).receiveBody(String.class, 5000)).isEqualTo("b");
    }

    @Test
    void aContextCreatedFromAnotherKeepsWorkingWhenTheFirstCloses() throws Exception {
        JMSContext first = context(JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = first.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = first.createQueue("shared-connection");
        first.createProducer().send(q, "before");
        first.close();

        assertThatThrownBy(() -> first.createProducer()).isInstanceOf(IllegalStateRuntimeException.class);
        second.createProducer().send(q, "after");
        JMSConsumer c = second.createConsumer(q);
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("before");
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("after");
        second.close();
    }

    @Test
    void contextsOfOneConnectionShareItsClientIdUntilTheLastCloses() throws Exception {
        JMSContext first = context(JMSContext.AUTO_ACKNOWLEDGE);
        first.setClientID("ctx-client");
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(second.getClientID()).isEqualTo("ctx-client");

        first.close();
        JMSContext other = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> other.setClientID("ctx-client"))
                .as("the connection lives on in the second context").isInstanceOf(InvalidClientIDRuntimeException.class);
        second.close();
        JMSContext later = context(JMSContext.AUTO_ACKNOWLEDGE);
        later.setClientID("ctx-client");
        assertThat(later.getClientID()).isEqualTo("ctx-client");
    }

    @Test
    void clientAcknowledgeRemovesEveryMessageTheContextHasConsumed() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = ctx.createQueue("client-ack");
        ctx.createProducer().send(q, "1").send(q, "2");
        JMSConsumer c = ctx.createConsumer(q);
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("1");
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("2");
        ctx.acknowledge();
        ctx.close();

        JMSConsumer again = context(JMSContext.AUTO_ACKNOWLEDGE).createConsumer(q);
        assertThat(again.receive(500)).isNull();
        assertThat(messagesIn("client-ack")).isZero();
    }

    @Test
    void acknowledgingOneContextDoesNotAcknowledgeAnotherOnTheSameConnection() throws Exception {
        JMSContext first = context(JMSContext.CLIENT_ACKNOWLEDGE);
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue a = first.createQueue("ack-a");
        Queue b = first.createQueue("ack-b");
        first.createProducer().send(a, "for-first").send(b, "for-second");
        assertThat(first.createConsumer(a).receiveBody(String.class, 5000)).isEqualTo("for-first");
        assertThat(second.createConsumer(b).receiveBody(String.class, 5000)).isEqualTo("for-second");
        first.acknowledge();
        second.close(); // unacknowledged: goes back

        JMSConsumer again = context(JMSContext.AUTO_ACKNOWLEDGE).createConsumer(b);
        assertThat(again.receiveBody(String.class, 5000)).isEqualTo("for-second");
        assertThat(messagesIn("ack-a")).isZero();
    }

    @Test
    void receiveBodyOfTheWrongTypeInClientAcknowledgeCountsAsReceived() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = ctx.createQueue("wrong-type-client");
        ctx.createProducer().send(q, "text");
        JMSConsumer c = ctx.createConsumer(q);
        assertThatThrownBy(() -> c.receiveBody(byte[].class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
        ctx.acknowledge();
        assertThat(c.receive(300)).isNull();
        assertThat(messagesIn("wrong-type-client")).isZero();
    }

    @Test
    void aProducerThatDisablesIdsAndTimestampsSendsWithout() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("no-ids");
        ctx.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true).send(q, "x");
        Message m = ctx.createConsumer(q).receive(5000);
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSTimestamp()).isZero();
    }

    @Test
    void unacknowledgedMessagesOfAClosedContextComeBackRedelivered() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = ctx.createQueue("client-noack");
        ctx.createProducer().send(q, "1");
        Message first = ctx.createConsumer(q).receive(5000);
        assertThat(first.getJMSRedelivered()).isFalse();
        ctx.close();

        JMSContext next = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Message again = next.createConsumer(q).receive(5000);
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        again.acknowledge();
    }

    @Test
    void recoverRedeliversWhatTheContextHasNotAcknowledged() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = ctx.createQueue("recover");
        ctx.createProducer().send(q, "x");
        JMSConsumer c = ctx.createConsumer(q);
        assertThat(c.receive(5000).getJMSRedelivered()).isFalse();
        ctx.recover();
        Message again = c.receive(5000);
        assertThat(again.getJMSRedelivered()).isTrue();
        ctx.acknowledge();
        assertThat(c.receive(300)).isNull();
    }

    @Test
    void aTransactedContextSendsOnCommitAndRedeliversOnRollback() throws Exception {
        JMSContext tx = context(JMSContext.SESSION_TRANSACTED);
        assertThat(tx.getTransacted()).isTrue();
        Queue q = tx.createQueue("ctx-tx");
        JMSConsumer c = tx.createConsumer(q);
        tx.createProducer().send(q, "a").send(q, "b");
        assertThat(c.receive(300)).as("uncommitted sends are not visible").isNull();
        tx.commit();

        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("a");
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("b");
        tx.rollback();
        Message a = c.receive(5000);
        Message b = c.receive(5000);
        assertThat(List.of(a.getBody(String.class), b.getBody(String.class))).containsExactlyInAnyOrder("a", "b");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(b.getJMSRedelivered()).isTrue();
        tx.commit();
        assertThat(c.receive(300)).isNull();

        tx.createProducer().send(q, "dropped");
        tx.rollback();
        assertThat(c.receive(300)).as("a rolled-back send is never sent").isNull();
    }

    @Test
    void aClosedContextThrowsIllegalStateRuntimeException() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("closed");
        ctx.createProducer();
        ctx.close();
        ctx.close(); // closing twice is allowed
        assertThatThrownBy(ctx::createProducer).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createTextMessage("x")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createConsumer(q)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::commit).isInstanceOf(IllegalStateRuntimeException.class);
        // JMSContext.close(): "Invoking any other method on a closed JMSContext must throw IllegalStateRuntimeException"
        assertThatThrownBy(ctx::getTransacted).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::getSessionMode).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::getAutoStart).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::getClientID).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::getMetaData).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::start).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::stop).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.unsubscribe("x")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createBrowser(q)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::createTemporaryQueue).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createTopic("t")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void aListenerClosingItsOwnContextGetsIllegalStateRuntimeExceptionAndTheContextStaysOpen() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("listener-close");
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        ctx.createConsumer(q).setMessageListener(m -> {
            try {
                ctx.close();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        ctx.createProducer().send(q, "first");
        assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateRuntimeException.class);
        ctx.createProducer().send(ctx.createQueue("elsewhere"), "still open");
        assertThat(ctx.createConsumer(ctx.createQueue("elsewhere")).receiveBody(String.class, 5000))
                .isEqualTo("still open");
    }

    @Test
    void aProducerOfAClosedContextCannotSend() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("closed-producer");
        JMSProducer p = ctx.createProducer();
        ctx.close();
        assertThatThrownBy(() -> p.send(q, "x")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void transactionCallsOnANonTransactedContextThrowIllegalStateRuntimeException() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(ctx::commit).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::rollback).isInstanceOf(IllegalStateRuntimeException.class);
        JMSContext tx = context(JMSContext.SESSION_TRANSACTED);
        assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void invalidDestinationsThrowInvalidDestinationRuntimeException() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> ctx.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createProducer().send(null, "x"))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createQueue("")).isInstanceOf(InvalidDestinationRuntimeException.class);

        JMSContext strict = factoryWith("autoCreate=false").createContext();
        try {
            Queue missing = strict.createQueue("no-such-queue");
            assertThatThrownBy(() -> strict.createConsumer(missing))
                    .isInstanceOf(InvalidDestinationRuntimeException.class).hasMessageContaining("no-such-queue");
            assertThatThrownBy(() -> strict.createProducer().send(missing, "x"))
                    .isInstanceOf(InvalidDestinationRuntimeException.class);
        } finally {
            strict.close();
        }
    }

    @Test
    void clientIdMisuseThrowsTheRuntimeExceptionsOfTheSpec() throws Exception {
        JMSContext a = context(JMSContext.AUTO_ACKNOWLEDGE);
        a.setClientID("only-once");
        assertThatThrownBy(() -> a.setClientID("again")).isInstanceOf(IllegalStateRuntimeException.class);
        JMSContext b = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> b.setClientID("only-once")).isInstanceOf(InvalidClientIDRuntimeException.class);
    }

    @Test
    void producerPropertyMisuseThrowsTheSpecsExceptions() throws Exception {
        JMSProducer p = context(JMSContext.AUTO_ACKNOWLEDGE).createProducer();
        assertThatThrownBy(() -> p.setProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setProperty((String) null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setProperty("list", (Object) List.of(1)))
                .isInstanceOf(MessageFormatRuntimeException.class);
        p.setProperty("n", "not a number");
        assertThatThrownBy(() -> p.getIntProperty("n")).isInstanceOf(NumberFormatException.class);
        assertThat(p.getBooleanProperty("absent")).as("an absent boolean reads as false").isFalse();
    }

    @Test
    void aClosedJmsConsumerThrowsIllegalStateRuntimeException() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer c = ctx.createConsumer(ctx.createQueue("closed-consumer"));
        c.close();
        assertThatThrownBy(() -> c.receive(100)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> c.setMessageListener(m -> { })).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void theClientIdCannotBeSetOnceTheContextIsInUse() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        ctx.createConsumer(ctx.createQueue("in-use"));
        assertThatThrownBy(() -> ctx.setClientID("too-late")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void receiveBodyOfTheWrongTypeThrowsAndTheMessageIsNotLost() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("wrong-type");
        ctx.createProducer().send(q, "not a number");
        JMSConsumer c = ctx.createConsumer(q);
        assertThatThrownBy(() -> c.receiveBody(Integer.class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
        // JMS 2.0 JMSConsumer.receiveBody: in AUTO_ACKNOWLEDGE the message is not acknowledged but redelivered.
        assertThat(c.receiveBody(String.class, 5000)).isEqualTo("not a number");
    }
}
