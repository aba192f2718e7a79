package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
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
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("Delivery delay")
@ExtendWith(MatrixRecorder.class)
class DeliveryDelayTest {
    private static final long DELAY_MS = 2_000;
    private static final long ONE_HOUR_MS = 3_600_000;

    @DisplayName("a delayed message is not delivered before its delivery time, and is after it")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void delayed(Target target) throws Exception {
        Queue q = target.queue(unique("delay"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(DELAY_MS);
            TextMessage late = s.createTextMessage("late");
            p.send(late);
            p.setDeliveryDelay(0);
            p.send(s.createTextMessage("now"));
            assertThat(late.getJMSDeliveryTime()).as("JMSDeliveryTime set by send")
                    .isGreaterThanOrEqualTo(late.getJMSTimestamp() + DELAY_MS);

            // Sent later but without delay, "now" comes first: "late" was not receivable yet.
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(receiveText(consumer).getText()).isEqualTo("now");
            TextMessage got = receiveText(consumer);
            assertThat(got.getText()).isEqualTo("late");
            assertThat(got.getJMSDeliveryTime()).as("JMSDeliveryTime received").isEqualTo(late.getJMSDeliveryTime());
            assertNothingMore(consumer);
        }
    }

    @DisplayName("a delivery delay of one hour on a queue")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void longDelay(Target target) throws Exception {
        Queue q = target.queue(unique("delay-long"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(ONE_HOUR_MS);
            Throwable refused = catchThrowable(() -> p.send(s.createTextMessage("much later")));
            if (ONE_HOUR_MS > target.semantics().maxQueueDelayMillis()) {
                assertThat(refused).isInstanceOf(JMSException.class);
                Matrix.differs(target, "refused: a queue takes at most " + target.semantics().maxQueueDelayMillis()
                        / 60_000 + " minutes of delay; the send throws " + refused.getClass().getSimpleName()
                        + " (\"" + refused.getMessage() + "\")");
            } else {
                assertThat(refused).isNull();
            }
            // Either way nothing is receivable now.
            assertNothingMore(s.createConsumer(q));
        }
    }
}
