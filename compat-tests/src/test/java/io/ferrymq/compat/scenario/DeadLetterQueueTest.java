package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Redelivery limit")
@ExtendWith(MatrixRecorder.class)
class DeadLetterQueueTest {
    private static final int MAX_DELIVERIES = 3;

    @DisplayName("a message rolled back at every delivery goes to the dead-letter queue after exactly 3 deliveries")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void poisonMessage(Target target) throws Exception {
        String name = unique("dlq-src");
        Queue dlq = target.withDeadLetterQueue(name, MAX_DELIVERIES);
        Queue q = target.queue(name);
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage sent = plain.createTextMessage("poison");
            plain.createProducer(q).send(sent);

            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = tx.createConsumer(q);
            for (int delivery = 1; delivery <= MAX_DELIVERIES; delivery++) {
                TextMessage m = receiveText(consumer);
                assertThat(m.getText()).isEqualTo("poison");
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
                assertThat(m.getJMSRedelivered()).isEqualTo(delivery > 1);
                tx.rollback();
            }
            assertNothingMore(consumer);
            consumer.close();

            TextMessage dead = receiveText(plain.createConsumer(dlq));
            assertThat(dead.getText()).isEqualTo("poison");
            assertThat(dead.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
            int count = dead.getIntProperty("JMSXDeliveryCount");
            if (target.semantics().deadLetterKeepsDeliveryCount()) {
                assertThat(count).isEqualTo(MAX_DELIVERIES + 1);
                assertThat(dead.getJMSRedelivered()).isTrue();
                Matrix.differs(target, "the dead-lettered message keeps its receive count (SQS "
                        + "ApproximateReceiveCount): its first delivery from the DLQ has JMSXDeliveryCount "
                        + count + " and JMSRedelivered set");
            } else {
                assertThat(count).isEqualTo(1);
                assertThat(dead.getJMSRedelivered()).isFalse();
            }
            assertNothingMore(plain.createConsumer(q));
        }
    }
}
