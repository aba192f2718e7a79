package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CLIENT_ACKNOWLEDGE")
@ExtendWith(MatrixRecorder.class)
class ClientAcknowledgeTest {

    @DisplayName("acknowledge() covers every message the session consumed, from all its consumers")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void acknowledgeCoversTheSession(Target target) throws Exception {
        Queue qa = target.queue(unique("ack-a"));
        Queue qb = target.queue(unique("ack-b"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = plain.createProducer(null);
            p.send(qa, plain.createTextMessage("a1"));
            p.send(qa, plain.createTextMessage("a2"));
            p.send(qb, plain.createTextMessage("b1"));

            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer ca = s.createConsumer(qa);
            MessageConsumer cb = s.createConsumer(qb);
            TextMessage a1 = receiveText(ca);
            assertThat(a1.getText()).isEqualTo("a1");
            assertThat(receiveText(cb).getText()).isEqualTo("b1");
            assertThat(receiveText(ca).getText()).isEqualTo("a2");
            // Acknowledging through the first message acknowledges all three.
            a1.acknowledge();
        }
        // A connection closed after acknowledge() gives nothing back.
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNothingMore(s.createConsumer(qa));
            assertNothingMore(s.createConsumer(qb));
        }
    }

    @DisplayName("recover() redelivers the unacknowledged messages, marked redelivered; acknowledged ones stay consumed")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void recoverRedeliversTheUnacknowledged(Target target) throws Exception {
        Queue q = target.queue(unique("ack-recover"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = plain.createProducer(q);
            for (String t : List.of("m1", "m2", "m3")) {
                p.send(plain.createTextMessage(t));
            }
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            receiveText(consumer).acknowledge(); // m1
            TextMessage m2 = receiveText(consumer);
            TextMessage m3 = receiveText(consumer);
            assertThat(List.of(m2.getText(), m3.getText())).containsExactly("m2", "m3");
            s.recover();

            List<String> again = new ArrayList<>();
            TextMessage m = null;
            for (int i = 0; i < 2; i++) {
                m = receiveText(consumer);
                again.add(m.getText());
                assertThat(m.getJMSRedelivered()).as("%s redelivered", m.getText()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).as("%s delivery count", m.getText()).isEqualTo(2);
            }
            assertThat(again).containsExactlyInAnyOrder("m2", "m3");
            Message last = consumer.receive(ScenarioSupport.NOTHING_MS);
            assertThat(last).as("m1 was acknowledged before recover()").isNull();
            m.acknowledge();
        }
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            assertNothingMore(c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q));
        }
    }
}
