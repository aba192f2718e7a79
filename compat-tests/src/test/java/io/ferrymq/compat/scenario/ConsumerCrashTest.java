package io.ferrymq.compat.scenario;

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

import java.util.HashMap;
import java.util.Map;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Consumer crash")
@ExtendWith(MatrixRecorder.class)
class ConsumerCrashTest {

    @DisplayName("a connection closed without acknowledging or committing: its messages go to another consumer, "
            + "marked redelivered")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void crashedConsumer(Target target) throws Exception {
        Queue clientAckQueue = target.queue(unique("crash-ack"));
        Queue txQueue = target.queue(unique("crash-tx"));
        try (Connection survivor = target.connectionFactory().createConnection()) {
            survivor.start();
            Session s = survivor.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(clientAckQueue).send(s.createTextMessage("unacknowledged"));
            s.createProducer(txQueue).send(s.createTextMessage("uncommitted"));

            Connection crashing = target.connectionFactory().createConnection();
            crashing.start();
            Session clientAck = crashing.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Session tx = crashing.createSession(true, Session.SESSION_TRANSACTED);
            assertThat(receiveText(clientAck.createConsumer(clientAckQueue)).getText()).isEqualTo("unacknowledged");
            assertThat(receiveText(tx.createConsumer(txQueue)).getText()).isEqualTo("uncommitted");

            // The other consumers are there already, waiting; then the first consumer's connection goes away.
            Map<Queue, MessageConsumer> others = new HashMap<>();
            others.put(clientAckQueue, s.createConsumer(clientAckQueue));
            others.put(txQueue, s.createConsumer(txQueue));
            crashing.close();

            for (Map.Entry<Queue, MessageConsumer> e : others.entrySet()) {
                TextMessage m = receiveText(e.getValue());
                assertThat(m.getText()).isEqualTo(e.getKey() == txQueue ? "uncommitted" : "unacknowledged");
                assertThat(m.getJMSRedelivered()).as("%s redelivered", m.getText()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).as("%s delivery count", m.getText()).isEqualTo(2);
                assertNothingMore(e.getValue());
            }
        }
    }
}
