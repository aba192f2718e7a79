package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Semantics;
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
        Semantics semantics = target.semantics();
        Queue requests = target.queue("rr-late-" + UUID.randomUUID());
        try (Connection service = factory.createConnection()) {
            service.start();
            Session s = service.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer incoming = s.createConsumer(requests);
            MessageProducer replies = s.createProducer(null);
            TemporaryQueue own;
            Destination replyTo;
            try (Connection requester = factory.createConnection()) {
                requester.start();
                Session rs = requester.createSession(false, Session.AUTO_ACKNOWLEDGE);
                own = rs.createTemporaryQueue();
                MessageConsumer answers = rs.createConsumer(own);
                TextMessage request = rs.createTextMessage("question");
                request.setJMSReplyTo(own);
                rs.createProducer(requests).send(request);
                Message received = incoming.receive(WAIT);
                assertThat(received).as("the request").isNotNull();
                replyTo = received.getJMSReplyTo();
                replies.send(replyTo, s.createTextMessage("in time"));
                Message answer = answers.receive(WAIT);
                assertThat(answer).as("the reply in time").isNotNull();
                assertThat(((TextMessage) answer).getText()).isEqualTo("in time");
            }
            // Closing the connection deleted its temporary queue (JMS 3.1 §6.2.2); the spec does not say what a
            // send to it then does. A replying service has the JMSReplyTo it received: a destination naming the
            // queue, which only the broker can know deleted. Where the send is accepted the reply goes nowhere
            // useful; where (lost, or kept in a queue auto-created under the name) depends on timing on Artemis
            // (Semantics#sendToDeletedTemporaryQueueFails), so it is not asserted.
            if (semantics.sendToDeletedTemporaryQueueFails()) {
                assertThatThrownBy(() -> replies.send(replyTo, s.createTextMessage("too late")))
                        .isInstanceOf(InvalidDestinationException.class);
            } else {
                replies.send(replyTo, s.createTextMessage("too late"));
            }
            // The requester's own JVM also has the TemporaryQueue object itself, which its client knows deleted.
            if (semantics.clientRejectsDeletedTemporaryQueue()) {
                assertThatThrownBy(() -> replies.send(own, s.createTextMessage("too late, same object")))
                        .isInstanceOf(jakarta.jms.IllegalStateException.class);
            } else if (semantics.sendToDeletedTemporaryQueueFails()) {
                assertThatThrownBy(() -> replies.send(own, s.createTextMessage("too late, same object")))
                        .isInstanceOf(InvalidDestinationException.class);
            } else {
                replies.send(own, s.createTextMessage("too late, same object"));
            }
            recordLateReplies(target, semantics);
        }
    }

    private static void recordLateReplies(Target target, Semantics semantics) {
        if (semantics.sendToDeletedTemporaryQueueFails()) {
            Matrix.differs(target, "a late reply throws InvalidDestinationException, through the JMSReplyTo the "
                    + "service received as through the TemporaryQueue object itself (Artemis accepts it, and the "
                    + "reply is lost or kept in a queue it auto-creates under that name, which nothing consumes): "
                    + "a replying service must expect it");
        } else if (semantics.clientRejectsDeletedTemporaryQueue()) {
            Matrix.differs(target, "a late reply through the JMSReplyTo the service received is accepted, as on "
                    + "Artemis; a send through the TemporaryQueue object itself throws IllegalStateException (the "
                    + "client knows it deleted that very object and refuses before sending)");
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
