package io.ferrymq.compat.scenario;

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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.ferrymq.compat.scenario.ScenarioSupport.NOTHING_MS;
import static io.ferrymq.compat.scenario.ScenarioSupport.RECEIVE_MS;
import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.describe;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that holds messages for several terms of the target's own lease (at least 3 s). A target with a lease
 * must keep it alive; a broker without one holds a delivered message until it is acknowledged or its consumer closes,
 * so it has no term to outlast and is held the 3 s. The hold is a wait, never a measurement.
 */
@DisplayName("Slow consumer")
@ExtendWith(MatrixRecorder.class)
class SlowConsumerTest {

    private static long holdMillis(Target target) {
        return Math.max(3 * target.semantics().leaseMillis(), 3_000);
    }

    @DisplayName("a message held unacknowledged for several lease terms is not delivered to anyone else")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void heldMessage(Target target) throws Exception {
        Queue q = target.queue(unique("slow-held"));
        try (Connection holderConnection = target.connectionFactory().createConnection();
             Connection otherConnection = target.connectionFactory().createConnection()) {
            holderConnection.start();
            otherConnection.start();
            Session holderSession = holderConnection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            holderSession.createProducer(q).send(holderSession.createTextMessage("slow"));
            MessageConsumer holder = holderSession.createConsumer(q);
            TextMessage held = receiveText(holder);
            assertThat(held.getJMSRedelivered()).isFalse();

            // While the holder works on it, a competing consumer waits the whole hold for it in vain.
            MessageConsumer other = otherConnection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            var duplicate = other.receive(holdMillis(target));
            assertThat(duplicate == null ? null : describe(duplicate)).as("delivered to another consumer").isNull();
            assertThat(holder.receiveNoWait()).as("delivered again to the holder").isNull();

            held.acknowledge();
            assertNothingMore(other);
        }
    }

    @DisplayName("a listener busy for several lease terms, with messages waiting behind it: each delivered once")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void busyListener(Target target) throws Exception {
        Queue q = target.queue(unique("slow-listener"));
        List<String> deliveries = new ArrayList<>();
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(3);
        try (Connection busyConnection = target.connectionFactory().createConnection();
             Connection otherConnection = target.connectionFactory().createConnection()) {
            Session s = busyConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            for (String t : List.of("first", "second", "third")) {
                p.send(s.createTextMessage(t));
            }
            // The busy listener may hold the others ahead of itself (a prefetch, a consumer window); a target
            // with a lease keeps those alive too.
            s.createConsumer(q).setMessageListener(m -> record(m, "busy", deliveries, all, () -> {
                firstTaken.countDown();
                Thread.sleep(holdMillis(target));
            }));
            busyConnection.start();
            assertThat(firstTaken.await(RECEIVE_MS, TimeUnit.MILLISECONDS)).as("first message taken").isTrue();
            otherConnection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q)
                    .setMessageListener(m -> record(m, "other", deliveries, all, () -> { }));
            otherConnection.start();

            assertThat(all.await(holdMillis(target) + RECEIVE_MS, TimeUnit.MILLISECONDS)).as("all three delivered")
                    .isTrue();
            Thread.sleep(NOTHING_MS); // room for a duplicate to show up
            synchronized (deliveries) {
                assertThat(deliveries).hasSize(3);
                assertThat(deliveries.stream().map(d -> d.substring(0, d.indexOf(' '))))
                        .containsExactlyInAnyOrder("first", "second", "third");
                assertThat(deliveries).allMatch(d -> d.endsWith("redelivered=false"));
                assertThat(deliveries.get(0)).startsWith("first busy");
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static void record(jakarta.jms.Message m, String consumer, List<String> deliveries, CountDownLatch all,
                               Work work) {
        try {
            synchronized (deliveries) {
                deliveries.add(((TextMessage) m).getText() + " " + consumer + " redelivered="
                        + m.getJMSRedelivered());
            }
            if (((TextMessage) m).getText().equals("first")) {
                work.run();
            }
            all.countDown();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
