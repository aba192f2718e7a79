package io.ferrymq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a MessageListener may do with its own session: commit, roll back, recover; and stop/start around it. */
class ListenerSessionTest extends JmsFixture {

    private void sendAll(Queue q, int n) throws JMSException {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i));
        }
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText() + (m.getJMSRedelivered() ? "*" : "");
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }

    private static List<String> drain(BlockingQueue<String> seen, int n) throws InterruptedException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = seen.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("after %s", got).isNotNull();
            got.add(s);
        }
        assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).as("nothing more after %s", got).isNull();
        return got;
    }

    @Test
    void aTransactedListenerThatCommitsConsumesEachMessage() throws Exception {
        FerryConnection conn = connect();
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("listener-commit");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        tx.createConsumer(q).setMessageListener(m -> {
            seen.add(text(m));
            try {
                tx.commit();
            } catch (JMSException e) {
                seen.add("commit failed: " + e);
            }
        });
        conn.start();
        sendAll(q, 5);
        assertThat(drain(seen, 5)).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(messagesIn("listener-commit")).isZero();
    }

    @Test
    void aTransactedListenerThatRollsBackGetsTheMessageAgain() throws Exception {
        FerryConnection conn = connect();
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("listener-rollback");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        tx.createConsumer(q).setMessageListener(m -> {
            seen.add(text(m));
            try {
                if (m.getJMSRedelivered()) {
                    tx.commit();
                } else {
                    tx.rollback();
                }
            } catch (JMSException e) {
                seen.add("failed: " + e);
            }
        });
        conn.start();
        sendAll(q, 1);
        assertThat(drain(seen, 2)).containsExactly("m0", "m0*");
        assertThat(messagesIn("listener-rollback")).isZero();
    }

    @Test
    void aClientAcknowledgeListenerThatRecoversGetsTheMessageAgainAndLosesNone() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("listener-recover");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        s.createConsumer(q).setMessageListener(m -> {
            seen.add(text(m));
            try {
                if (text(m).equals("m0")) {
                    s.recover();
                } else {
                    m.acknowledge();
                }
            } catch (JMSException e) {
                seen.add("failed: " + e);
            }
        });
        sendAll(q, 3);
        conn.start();
        List<String> got = drain(seen, 4);
        assertThat(got).containsExactlyInAnyOrder("m0", "m0*", "m1", "m2");
        assertThat(got.indexOf("m0")).isLessThan(got.indexOf("m0*"));
        assertThat(messagesIn("listener-recover")).isZero();
    }

    @Test
    void anAutoAcknowledgeListenerThatThrowsGetsTheMessageAgainMarkedRedelivered() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("listener-throws");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        s.createConsumer(q).setMessageListener(m -> {
            seen.add(text(m));
            if (text(m).equals("m0")) {
                throw new RuntimeException("first time fails");
            }
        });
        conn.start();
        sendAll(q, 1);
        assertThat(drain(seen, 2)).containsExactly("m0", "m0*");
        assertThat(messagesIn("listener-throws")).isZero();
    }

    @Test
    void stoppingAndStartingTheConnectionLosesAndDuplicatesNothing() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("stop-start");
        Map<String, Integer> counts = Collections.synchronizedMap(new HashMap<>());
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(1000);
        s.createConsumer(q).setMessageListener(m -> {
            try {
                String t = ((TextMessage) m).getText();
                counts.merge(t, 1, Integer::sum);
                seen.add(t);
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        conn.start();
        sendAll(q, 100);
        for (int i = 0; i < 5; i++) {
            conn.stop();
            int atStop = delivered(counts);
            // no delivery while stopped, for as long as we look
            await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5))
                    .until(() -> delivered(counts) == atStop);
            conn.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(counts) > atStop || counts.size() == 100);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> counts.size() >= 100);
        assertThat(counts).hasSize(100);
        assertThat(counts.values()).allMatch(n -> n == 1);
    }

    @Test
    void aListenerMayCloseItsOwnConsumerAndTheRestStaysForOthers() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("self-close");
        sendAll(q, 5);
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        jakarta.jms.MessageConsumer[] self = new jakarta.jms.MessageConsumer[1];
        self[0] = s.createConsumer(q);
        self[0].setMessageListener(m -> {
            seen.add(text(m));
            try {
                self[0].close();
                seen.add("closed");
            } catch (JMSException e) {
                seen.add("failed: " + e);
            }
        });
        conn.start();
        assertThat(drain(seen, 2)).containsExactly("m0", "closed");
        jakarta.jms.MessageConsumer other = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rest.add(text(other.receive(5000)).replace("*", ""));
        }
        assertThat(rest).containsExactlyInAnyOrder("m1", "m2", "m3", "m4");
    }

    @Test
    void aListenerCannotStopOrCloseItsOwnConnectionOrSession() throws Exception {
        FerryConnection conn = connect();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("self-stop");
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(100);
        s.createConsumer(q).setMessageListener(m -> {
            for (String what : new String[] {"stop", "close", "session"}) {
                try {
                    switch (what) {
                        case "stop" -> conn.stop();
                        case "close" -> conn.close();
                        default -> s.close();
                    }
                    seen.add(what + ": allowed");
                } catch (jakarta.jms.IllegalStateException e) {
                    seen.add(what + ": refused");
                } catch (JMSException e) {
                    seen.add(what + ": " + e);
                }
            }
        });
        conn.start();
        sendAll(q, 1);
        assertThat(drain(seen, 3)).containsExactly("stop: refused", "close: refused", "session: refused");
        assertThat(conn.isStarted()).isTrue();
    }

    /** Deliveries so far; the listener writes {@code counts} (a synchronized map) from its own thread. */
    private static int delivered(Map<String, Integer> counts) {
        synchronized (counts) {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
