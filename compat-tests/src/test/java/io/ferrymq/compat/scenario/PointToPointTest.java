package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Point-to-point")
@ExtendWith(MatrixRecorder.class)
class PointToPointTest {

    @DisplayName("competing consumers share a queue, each message consumed once")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void competingConsumers(Target target) throws Exception {
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = target.queue("p2p-" + UUID.randomUUID());
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 20; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            // Two consumers on their own sessions take messages as they come; together they see each message once.
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch all = new CountDownLatch(20);
            for (int i = 0; i < 2; i++) {
                c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q).setMessageListener(m -> {
                    try {
                        got.add(((TextMessage) m).getText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    all.countDown();
                });
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).as("all 20 consumed").isTrue();
            assertThat(new HashSet<>(got)).hasSize(20);
            assertThat(got).hasSize(20);
        }
    }
}
