package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.text;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Queue browser")
@ExtendWith(MatrixRecorder.class)
class QueueBrowsingTest {

    @DisplayName("lists the waiting messages in order, without consuming them")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void browse(Target target) throws Exception {
        Queue q = target.queue(unique("browse"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(s, q, 5);
            List<String> expected = List.of("m0", "m1", "m2", "m3", "m4");
            assertThat(browse(s, q, null)).isEqualTo(expected);
            assertThat(browse(s, q, null)).as("browsing again").isEqualTo(expected);

            MessageConsumer consumer = s.createConsumer(q);
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                TextMessage m = receiveText(consumer);
                received.add(m.getText());
                assertThat(m.getJMSRedelivered()).as("browsing is not a delivery").isFalse();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            }
            assertThat(received).isEqualTo(expected);
            assertNothingMore(consumer);
            assertThat(browse(s, q, null)).as("browsing the consumed queue").isEmpty();
        }
    }

    @DisplayName("with a selector lists only the matching messages, in order")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void browseWithSelector(Target target) throws Exception {
        Queue q = target.queue(unique("browse-sel"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(s, q, 6);
            try (QueueBrowser b = s.createBrowser(q, "parity = 'even'")) {
                assertThat(b.getMessageSelector()).isEqualTo("parity = 'even'");
                assertThat(b.getQueue().getQueueName()).isEqualTo(q.getQueueName());
            }
            assertThat(browse(s, q, "parity = 'even'")).containsExactly("m0", "m2", "m4");
            assertThat(browse(s, q, "n > 2 AND parity = 'odd'")).containsExactly("m3", "m5");
            assertThat(browse(s, q, null)).hasSize(6);
        }
    }

    @DisplayName("what it lists of delayed and in-flight (delivered, unacknowledged) messages")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void delayedAndInFlight(Target target) throws Exception {
        Queue q = target.queue(unique("browse-hidden"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(60_000);
            p.send(s.createTextMessage("delayed"));
            p.setDeliveryDelay(0);
            Message held = s.createTextMessage("in-flight");
            held.setStringProperty("role", "held");
            p.send(held);
            p.send(s.createTextMessage("waiting"));

            // A consumer takes "in-flight" and does not acknowledge it. Its selector keeps a client-side prefetch
            // (Artemis's consumer window) from taking "waiting" too.
            Session clientAck = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer holder = clientAck.createConsumer(q, "role = 'held'");
            assertThat(receiveText(holder).getText()).isEqualTo("in-flight");

            List<String> expected = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            if (target.semantics().browserShowsDelayed()) {
                expected.add("delayed");
                shown.add("messages whose delivery delay has not passed");
            }
            if (target.semantics().browserShowsInFlight()) {
                expected.add("in-flight");
                shown.add("messages delivered and not yet acknowledged");
            }
            expected.add("waiting");
            assertThat(browse(s, q, null)).containsExactlyInAnyOrderElementsOf(expected);
            if (!shown.isEmpty()) {
                Matrix.differs(target, "the browser also lists " + String.join(" and ", shown));
            }
        }
    }

    private static void send(Session s, Queue q, int count) throws Exception {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < count; i++) {
            Message m = s.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            m.setStringProperty("parity", i % 2 == 0 ? "even" : "odd");
            p.send(m);
        }
    }

    private static List<String> browse(Session s, Queue q, String selector) throws Exception {
        List<String> texts = new ArrayList<>();
        try (QueueBrowser b = s.createBrowser(q, selector)) {
            for (Enumeration<?> e = b.getEnumeration(); e.hasMoreElements(); ) {
                texts.add(text((Message) e.nextElement()));
            }
        }
        return texts;
    }
}
