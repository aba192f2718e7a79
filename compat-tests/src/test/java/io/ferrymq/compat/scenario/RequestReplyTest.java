package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request/reply as JMS applications do it: each requester has a temporary queue for its replies, names it in
 * JMSReplyTo, and matches replies to requests by JMSCorrelationID; one service answers every requester.
 */
@DisplayName("Request/reply")
@ExtendWith(MatrixRecorder.class)
class RequestReplyTest {
    private static final int REQUESTERS = 4;
    private static final int REQUESTS_EACH = 5;
    private static final long WAIT = 10_000;

    @DisplayName("concurrent requesters each get exactly their own replies on a temporary queue, "
            + "matched by JMSCorrelationID")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void concurrentRequesters(Target target) throws Exception {
        ConnectionFactory factory = target.connectionFactory();
        Queue requests = target.queue("rr-" + UUID.randomUUID());
        List<String> replyToKinds = new ArrayList<>();
        try (Connection service = factory.createConnection()) {
            answer(service, requests, replyToKinds);
            service.start();
            ExecutorService pool = Executors.newFixedThreadPool(REQUESTERS);
            try {
                List<Future<Map<String, String>>> requesters = new ArrayList<>();
                for (int r = 0; r < REQUESTERS; r++) {
                    requesters.add(pool.submit(requester(factory, requests, r)));
                }
                for (int r = 0; r < REQUESTERS; r++) {
                    // Each requester's replies, by the correlation ID it expected, are the answers to its requests.
                    Map<String, String> replies = requesters.get(r).get(60, TimeUnit.SECONDS);
                    assertThat(replies).as("requester %d", r).hasSize(REQUESTS_EACH);
                    replies.forEach((question, answer) -> assertThat(answer).isEqualTo("answer to " + question));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(replyToKinds).as("JMSReplyTo of each request, as the service received it")
                .hasSize(REQUESTERS * REQUESTS_EACH).containsOnly("TemporaryQueue");
    }

    @DisplayName("late replies to a temporary queue whose requester has disconnected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void replyToDeletedTemporaryQueue(Target target) throws Exception {
        ConnectionFactory factory = target.connectionFactory();
        try (Connection service = factory.createConnection()) {
            Session s = service.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer replies = s.createProducer(null);
            TemporaryQueue gone;
            try (Connection requester = factory.createConnection()) {
                gone = requester.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
                replies.send(gone, s.createTextMessage("while the requester is connected"));
            }
            // Closing the connection deleted its temporary queue (JMS 3.1 §6.2.2); the spec does not say what a
            // send to it then does.
            if (target.semantics().sendToDeletedTemporaryQueueFails()) {
                assertThatThrownBy(() -> replies.send(gone, s.createTextMessage("too late")))
                        .isInstanceOf(InvalidDestinationException.class);
                Matrix.differs(target, "the send throws InvalidDestinationException (Artemis's own client accepts it "
                        + "and the message is lost): a replying service must expect it");
            } else {
                replies.send(gone, s.createTextMessage("too late"));
            }
        }
    }

    /** The service: answers each request on its JMSReplyTo, correlated as the requester asked. */
    private static void answer(Connection service, Queue requests, List<String> replyToKinds) throws Exception {
        Session s = service.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer replies = s.createProducer(null);
        MessageConsumer consumer = s.createConsumer(requests);
        consumer.setMessageListener(request -> {
            try {
                Destination replyTo = request.getJMSReplyTo();
                synchronized (replyToKinds) {
                    replyToKinds.add(replyTo instanceof TemporaryQueue ? "TemporaryQueue"
                            : String.valueOf(replyTo == null ? null : replyTo.getClass().getName()));
                }
                TextMessage reply = s.createTextMessage("answer to " + ((TextMessage) request).getText());
                // The two usual conventions: echo the requester's correlation ID, or else use its message ID.
                String correlation = request.getJMSCorrelationID();
                reply.setJMSCorrelationID(correlation != null ? correlation : request.getJMSMessageID());
                replies.send(replyTo, reply);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * One requester on its own connection: sends all its requests, then collects as many replies, each keyed by the
     * correlation ID it expected (half its requests carry their own correlation ID, half rely on the message ID).
     */
    private static Callable<Map<String, String>> requester(ConnectionFactory factory, Queue requests, int r) {
        return () -> {
            try (Connection c = factory.createConnection()) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                TemporaryQueue replyTo = s.createTemporaryQueue();
                MessageConsumer replies = s.createConsumer(replyTo);
                MessageProducer producer = s.createProducer(requests);
                Map<String, String> questionByCorrelation = new HashMap<>();
                for (int i = 0; i < REQUESTS_EACH; i++) {
                    String question = "question " + i + " of requester " + r;
                    TextMessage request = s.createTextMessage(question);
                    request.setJMSReplyTo(replyTo);
                    if (i % 2 == 0) {
                        request.setJMSCorrelationID("requester-" + r + "-" + i);
                    }
                    producer.send(request);
                    String correlation = i % 2 == 0 ? request.getJMSCorrelationID() : request.getJMSMessageID();
                    assertThat(correlation).as("correlation of request %d", i).isNotNull();
                    questionByCorrelation.put(correlation, question);
                }
                Map<String, String> answers = new HashMap<>();
                for (int i = 0; i < REQUESTS_EACH; i++) {
                    Message reply = replies.receive(WAIT);
                    assertThat(reply).as("reply %d of requester %d (got %s)", i, r, answers).isNotNull();
                    String question = questionByCorrelation.get(reply.getJMSCorrelationID());
                    assertThat(question).as("a reply correlated to one of requester %d's requests: %s", r,
                            reply.getJMSCorrelationID()).isNotNull();
                    assertThat(answers.put(question, ((TextMessage) reply).getText()))
                            .as("one reply per request").isNull();
                }
                assertThat(replies.receiveNoWait()).as("no other requester's reply").isNull();
                return answers;
            }
        };
    }
}
