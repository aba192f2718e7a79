package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** JMS 2.0 shared subscriptions (createSharedConsumer): one subscription, several consumers, each message to one. */
@DisplayName("Shared subscriptions")
@ExtendWith(MatrixRecorder.class)
class SharedSubscriptionTest {
    private static final int N = 40;
    private static final long WAIT = 10_000;

    @DisplayName("two consumers on one shared subscription split its messages, each delivered once; "
            + "another subscription gets its own copy of every message")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void loadBalancing(Target target) throws Exception {
        ConnectionFactory factory = target.connectionFactory();
        Topic topic = target.topic("shared-" + UUID.randomUUID());
        List<String> sent = IntStream.range(0, N).mapToObj(i -> "m" + i).toList();
        List<String> gotA = Collections.synchronizedList(new ArrayList<>());
        List<String> gotB = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstA = new CountDownLatch(1);
        CountDownLatch firstB = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(N);
        try (Connection a = factory.createConnection();
             Connection b = factory.createConnection();
             Connection audit = factory.createConnection();
             Connection publisher = factory.createConnection()) {
            // Two instances of one application (no client ID: the subscription is shared across connections), and
            // an auditor with a subscription of its own. All subscribe before anything is published.
            MessageConsumer consumerA = a.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createSharedConsumer(topic, "workers");
            MessageConsumer consumerB = b.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createSharedConsumer(topic, "workers");
            MessageConsumer auditor = audit.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createSharedConsumer(topic, "audit");
            // Each worker holds its first message until the other has one too, so both take part whoever polls
            // first. A broker may hand a consumer messages ahead of its application (Artemis's consumer window,
            // FerryMQ's listener prefetch), so how the rest is split is not asserted: only that it is split.
            consumerA.setMessageListener(m -> take(m, gotA, firstA, firstB, all));
            consumerB.setMessageListener(m -> take(m, gotB, firstB, firstA, all));
            a.start();
            b.start();
            audit.start();

            Session ps = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = ps.createProducer(topic);
            for (String text : sent) {
                producer.send(ps.createTextMessage(text));
            }

            assertThat(all.await(60, TimeUnit.SECONDS)).as("all %d consumed: A %s, B %s", N, gotA, gotB).isTrue();
            List<String> audited = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                Message m = auditor.receive(WAIT);
                assertThat(m).as("audit message %d, after %s", i, audited).isNotNull();
                audited.add(((TextMessage) m).getText());
            }
            Message extra = auditor.receiveNoWait();
            if (extra != null) {
                audited.add(((TextMessage) extra).getText());
            }
            assertThat(audited).as("the audit subscription's copy").containsExactlyInAnyOrderElementsOf(sent);
            // Closing waits for running listeners; a duplicate delivered meanwhile would be in the lists.
            a.close();
            b.close();
        }
        assertThat(gotA).as("worker A's share").isNotEmpty();
        assertThat(gotB).as("worker B's share").isNotEmpty();
        List<String> both = new ArrayList<>(gotA);
        both.addAll(gotB);
        assertThat(both).as("A %s and B %s together", gotA, gotB).containsExactlyInAnyOrderElementsOf(sent);
    }

    private static void take(Message m, List<String> got, CountDownLatch mine, CountDownLatch other,
                             CountDownLatch all) {
        try {
            got.add(((TextMessage) m).getText());
            mine.countDown();
            // Returns at once after the first time; gives up (and the test fails on an empty share) after WAIT.
            other.await(WAIT, TimeUnit.MILLISECONDS);
            all.countDown();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
