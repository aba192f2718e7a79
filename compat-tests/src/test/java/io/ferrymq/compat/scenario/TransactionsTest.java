package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.text;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Transactions")
@ExtendWith(MatrixRecorder.class)
class TransactionsTest {

    @DisplayName("commit makes sends visible and consumes what the session received")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void commit(Target target) throws Exception {
        Queue in = target.queue(unique("tx-in"));
        Queue out = target.queue(unique("tx-out"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            plain.createProducer(in).send(plain.createTextMessage("request"));

            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer fromIn = tx.createConsumer(in);
            MessageProducer toOut = tx.createProducer(out);
            assertThat(receiveText(fromIn).getText()).isEqualTo("request");
            toOut.send(tx.createTextMessage("reply"));

            // Before the commit the send is invisible.
            MessageConsumer outside = plain.createConsumer(out);
            assertNothingMore(outside);
            tx.commit();
            assertThat(receiveText(outside).getText()).isEqualTo("reply");
            fromIn.close();
        }
        // The received message was consumed by the commit: a new connection finds the queue empty.
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNothingMore(s.createConsumer(in));
            assertNothingMore(s.createConsumer(out));
        }
    }

    @DisplayName("rollback discards sends and redelivers receives, JMSRedelivered and JMSXDeliveryCount incremented")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void rollback(Target target) throws Exception {
        Queue in = target.queue(unique("tx-in"));
        Queue out = target.queue(unique("tx-out"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            plain.createProducer(in).send(plain.createTextMessage("request"));

            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer fromIn = tx.createConsumer(in);
            MessageProducer toOut = tx.createProducer(out);
            TextMessage first = receiveText(fromIn);
            assertThat(first.getText()).isEqualTo("request");
            assertThat(first.getJMSRedelivered()).isFalse();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            toOut.send(tx.createTextMessage("reply"));
            tx.rollback();

            TextMessage again = receiveText(fromIn);
            assertThat(again.getText()).isEqualTo("request");
            assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            tx.rollback();

            TextMessage third = receiveText(fromIn);
            assertThat(third.getJMSRedelivered()).isTrue();
            assertThat(third.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
            tx.commit();

            // The rolled-back send never happened; the committed transaction sent nothing.
            assertNothingMore(plain.createConsumer(out));
            fromIn.close();
            assertNothingMore(plain.createConsumer(in));
        }
    }

    @DisplayName("a rolled-back message comes back before the messages waiting behind it")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void rollbackOrder(Target target) throws Exception {
        Queue q = target.queue(unique("tx-order"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = plain.createProducer(q);
            for (String t : List.of("m1", "m2", "m3")) {
                p.send(plain.createTextMessage(t));
            }
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = tx.createConsumer(q);
            assertThat(receiveText(consumer).getText()).isEqualTo("m1");
            tx.rollback();

            List<String> after = List.of(text(receiveText(consumer)), text(receiveText(consumer)),
                    text(receiveText(consumer)));
            tx.commit();
            if (target.semantics().redeliveredGoFirst()) {
                assertThat(after).containsExactly("m1", "m2", "m3");
            } else {
                assertThat(after).containsExactly("m2", "m3", "m1");
                Matrix.differs(target, "the rolled-back message rejoins the queue at its end, after m2 and m3 "
                        + "(SQS keeps no position; FIFO queues keep order within a group)");
            }
        }
    }
}
