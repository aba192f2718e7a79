package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
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
import java.util.Comparator;
import java.util.List;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Priority")
@ExtendWith(MatrixRecorder.class)
class PriorityTest {
    private static final int[] PRIORITIES = {3, 9, 0, 7, 4, 4, 1, 8, 2, 6};

    @DisplayName("10 messages of mixed priority waiting before the consumer starts")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void mixedPriorities(Target target) throws Exception {
        Queue q = target.queue(unique("priority"));
        List<String> sent = new ArrayList<>();
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < PRIORITIES.length; i++) {
                String text = "m" + i + "-p" + PRIORITIES[i];
                sent.add(text);
                // PERSISTENT: each send returns once the broker has the message, so all wait before the consumer.
                p.send(s.createTextMessage(text), DeliveryMode.PERSISTENT, PRIORITIES[i], 0);
            }
            MessageConsumer consumer = s.createConsumer(q);
            List<String> received = new ArrayList<>();
            for (int i = 0; i < PRIORITIES.length; i++) {
                TextMessage m = receiveText(consumer);
                assertThat(m.getJMSPriority()).isEqualTo(priorityOf(m.getText()));
                received.add(m.getText());
            }
            assertNothingMore(consumer);

            if (target.semantics().priorityOrdering()) {
                // Highest first; equal priorities in send order (a stable sort).
                List<String> byPriority = new ArrayList<>(sent);
                byPriority.sort(Comparator.comparingInt(PriorityTest::priorityOf).reversed());
                assertThat(received).isEqualTo(byPriority);
            } else {
                assertThat(received).isEqualTo(sent);
                Matrix.differs(target, "delivered in send order: JMSPriority is carried, not used for ordering "
                        + "(SQS has no priority)");
            }
        }
    }

    private static int priorityOf(String text) {
        return Integer.parseInt(text.substring(text.indexOf("-p") + 2));
    }

}
