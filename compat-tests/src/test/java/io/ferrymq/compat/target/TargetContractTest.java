package io.ferrymq.compat.target;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Target} promises the scenarios, checked on every target: not a matrix cell (no scenario compares
 * brokers here), only the seam doing what its javadoc says, so a scenario failure means the broker, not the set-up.
 */
class TargetContractTest {

    static List<Target> targets() {
        return Targets.all();
    }

    /** A message rolled back or recovered {@code maxDeliveries} times is in the dead-letter queue, and only there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void deadLetterQueueAfterMaxDeliveries(Target target) throws Exception {
        for (boolean transacted : new boolean[] {true, false}) {
            String name = "contract-dlq-" + UUID.randomUUID();
            Queue dlq = target.withDeadLetterQueue(name, 2);
            try (Connection c = target.connectionFactory().createConnection()) {
                c.start();
                Session s = c.createSession(transacted, transacted ? Session.SESSION_TRANSACTED
                        : Session.CLIENT_ACKNOWLEDGE);
                Queue q = target.queue(name);
                s.createProducer(q).send(s.createTextMessage("poison"));
                if (transacted) {
                    s.commit();
                }
                MessageConsumer consumer = s.createConsumer(q);
                for (int delivery = 1; delivery <= 2; delivery++) {
                    assertThat(consumer.receive(5000)).as("delivery %d (%s)", delivery,
                            transacted ? "rollback" : "recover").isNotNull();
                    if (transacted) {
                        s.rollback();
                    } else {
                        s.recover();
                    }
                }
                // FerryMQ moves the message on the receive that would exceed the limit, so ask once more first.
                assertThat(consumer.receive(500)).as("a third delivery").isNull();
                consumer.close();
                Session r = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Message dead = r.createConsumer(dlq).receive(5000);
                assertThat(dead).as("dead-lettered after %s", transacted ? "rollbacks" : "recovers").isNotNull();
                assertThat(((TextMessage) dead).getText()).isEqualTo("poison");
            }
        }
    }

    /**
     * A restartable target keeps across {@link Target#restart()} what a durable broker keeps: queued messages, a
     * durable subscription and what it collected, a queue's redelivery limit set before the restart.
     */
    @Test
    void restartKeepsMessagesSubscriptionsAndRedelivery() throws Exception {
        for (Target target : Targets.all().stream().filter(Target::restartable).toList()) {
            String queueName = "contract-restart-" + UUID.randomUUID();
            String poisonName = "contract-restart-dlq-" + UUID.randomUUID();
            Queue dlq = target.withDeadLetterQueue(poisonName, 2);
            Topic topic = target.topic("contract-restart-" + UUID.randomUUID());
            try (Connection c = target.connectionFactory().createConnection()) {
                c.setClientID("contract-restart");
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                s.createDurableSubscriber(topic, "kept").close();
                s.createProducer(target.queue(queueName)).send(s.createTextMessage("queued"));
                s.createProducer(topic).send(s.createTextMessage("published"));
            }

            target.restart();

            try (Connection c = target.connectionFactory().createConnection()) {
                c.setClientID("contract-restart");
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                assertThat(text(s.createConsumer(target.queue(queueName)).receive(5000))).isEqualTo("queued");
                MessageConsumer kept = s.createDurableSubscriber(topic, "kept");
                assertThat(text(kept.receive(5000))).isEqualTo("published");
                kept.close();
                s.unsubscribe("kept");

                Session client = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                client.createProducer(target.queue(poisonName)).send(client.createTextMessage("poison"));
                MessageConsumer poison = client.createConsumer(target.queue(poisonName));
                for (int delivery = 1; delivery <= 2; delivery++) {
                    assertThat(poison.receive(5000)).as("delivery %d", delivery).isNotNull();
                    client.recover();
                }
                assertThat(poison.receive(500)).isNull();
                assertThat(text(s.createConsumer(dlq).receive(5000))).isEqualTo("poison");
            }
        }
    }

    private static String text(Message m) throws Exception {
        return m == null ? null : ((TextMessage) m).getText();
    }
}
