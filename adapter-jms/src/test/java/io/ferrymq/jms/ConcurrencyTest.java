package io.ferrymq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Many connections, sessions and threads at once: every message is received exactly once (a rolled-back receive
 * does not count until it is committed), and nothing deadlocks. The time bounds are hang guards, far above what a
 * run takes; nothing here measures speed.
 */
class ConcurrencyTest extends JmsFixture {
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);
    private static final int PRODUCERS = 8;
    private static final int PER_PRODUCER = 500;
    private static final int TOTAL = PRODUCERS * PER_PRODUCER;

    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    /** Signalled whenever a consumer counts a message, so waiting for a total needs no polling. */
    private final Object progress = new Object();

    private void count(Message m) throws JMSException {
        received.computeIfAbsent(((TextMessage) m).getText(), k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        progressed();
    }

    private void progressed() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Waits until {@code counter} reaches {@code expected} or a consumer failed (the hang guard bounds it). */
    private void awaitCount(AtomicInteger counter, int expected) throws InterruptedException {
        synchronized (progress) {
            while (counter.get() < expected && failures.isEmpty()) {
                progress.wait(1000);
            }
        }
    }

    private void awaitTotal(int expected) throws InterruptedException {
        awaitCount(total, expected);
        assertThat(failures).isEmpty();
    }

    private void assertEachExactlyOnce(String... prefixes) {
        assertThat(total.get()).isEqualTo(TOTAL);
        assertThat(received).hasSize(TOTAL);
        assertThat(received.entrySet()).allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
    }

    /** 8 producers, half sending in transactions; each on its own connection and thread. */
    private List<Future<?>> produce(ExecutorService threads, jakarta.jms.Destination d) {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < PRODUCERS; t++) {
            int producer = t;
            done.add(threads.submit(() -> {
                boolean transacted = producer % 2 == 1;
                FerryConnection conn = connect();
                Session s = conn.createSession(transacted, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(d);
                for (int i = 0; i < PER_PRODUCER; i++) {
                    p.send(s.createTextMessage("p" + producer + "-" + i));
                    if (transacted && i % 25 == 24) {
                        s.commit();
                    }
                }
                conn.close();
                return null;
            }));
        }
        return done;
    }

    @Test
    void manyProducersAndConsumersOnOneQueueReceiveEveryMessageExactlyOnce() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Queue q = connect().createSession().createQueue("load");
            ExecutorService threads = Executors.newCachedThreadPool();
            AtomicBoolean stop = new AtomicBoolean();
            try {
                // 3 listener sessions (AUTO, AUTO, DUPS_OK) on one connection
                FerryConnection listeners = connect();
                for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.AUTO_ACKNOWLEDGE,
                        Session.DUPS_OK_ACKNOWLEDGE}) {
                    listeners.createSession(false, mode).createConsumer(q).setMessageListener(m -> {
                        try {
                            count(m);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                }
                listeners.start();
                // 2 AUTO receive() loops, each on its own connection
                for (int i = 0; i < 2; i++) {
                    threads.submit(() -> {
                        MessageConsumer c = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
                        while (!stop.get()) {
                            Message m = c.receive(200);
                            if (m != null) {
                                count(m);
                            }
                        }
                        return null;
                    });
                }
                // 3 transacted receive() loops that commit every 10 messages and roll back every 7th batch
                for (int i = 0; i < 3; i++) {
                    threads.submit(() -> {
                        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
                        MessageConsumer c = tx.createConsumer(q);
                        List<Message> batch = new ArrayList<>();
                        int batches = 0;
                        while (!stop.get()) {
                            Message m = c.receive(200);
                            if (m != null) {
                                batch.add(m);
                            }
                            if (batch.size() == 10 || (m == null && !batch.isEmpty())) {
                                if (++batches % 7 == 0) {
                                    tx.rollback();
                                } else {
                                    tx.commit();
                                    for (Message b : batch) {
                                        count(b);
                                    }
                                }
                                batch.clear();
                            }
                        }
                        tx.rollback();
                        return null;
                    });
                }
                for (Future<?> f : produce(threads, q)) {
                    f.get();
                }
                awaitTotal(TOTAL);
                stop.set(true);
                listeners.close();
            } finally {
                stop.set(true);
                threads.shutdown();
                assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
            assertEachExactlyOnce();
            assertThat(messagesIn("load")).isZero();
        });
    }

    @Test
    void everySubscriberOfATopicGetsEveryMessageOnceUnderConcurrentPublishing() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Topic t = connect().createSession().createTopic("fan-out");
            int subscribers = 4;
            List<Map<String, AtomicInteger>> perSubscriber = new ArrayList<>();
            List<AtomicInteger> totals = new ArrayList<>();
            FerryConnection subscriberConnection = connect();
            ExecutorService threads = Executors.newCachedThreadPool();
            AtomicBoolean stop = new AtomicBoolean();
            try {
                for (int i = 0; i < subscribers; i++) {
                    Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
                    AtomicInteger n = new AtomicInteger();
                    perSubscriber.add(got);
                    totals.add(n);
                    MessageConsumer c = subscriberConnection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                            .createConsumer(t);
                    if (i % 2 == 0) {
                        c.setMessageListener(m -> {
                            try {
                                got.computeIfAbsent(((TextMessage) m).getText(), k -> new AtomicInteger())
                                        .incrementAndGet();
                                n.incrementAndGet();
                                progressed();
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        });
                    } else {
                        threads.submit(() -> {
                            while (!stop.get()) {
                                Message m = c.receive(200);
                                if (m != null) {
                                    got.computeIfAbsent(((TextMessage) m).getText(), k -> new AtomicInteger())
                                            .incrementAndGet();
                                    n.incrementAndGet();
                                    progressed();
                                }
                            }
                            return null;
                        });
                    }
                }
                subscriberConnection.start();
                for (Future<?> f : produce(threads, t)) {
                    f.get();
                }
                for (AtomicInteger n : totals) {
                    awaitCount(n, TOTAL);
                }
                stop.set(true);
            } finally {
                stop.set(true);
                threads.shutdown();
                assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
            assertThat(failures).isEmpty();
            for (int i = 0; i < subscribers; i++) {
                assertThat(totals.get(i).get()).as("subscriber %d", i).isEqualTo(TOTAL);
                assertThat(perSubscriber.get(i)).hasSize(TOTAL);
            }
        });
    }

    @Test
    void closingAConnectionWhileItsListenerRunsAndAReceiveBlocksReturnsAndHandsBackPrefetchedMessages() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            FerryConnection victim = connect();
            Session listenerSession = victim.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = listenerSession.createQueue("handed-back");
            Queue empty = listenerSession.createQueue("always-empty");
            Session producer = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = producer.createProducer(q);
            for (int i = 0; i < 30; i++) {
                p.send(producer.createTextMessage("m" + i));
            }

            List<String> gotByListener = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            listenerSession.createConsumer(q).setMessageListener(m -> {
                try {
                    gotByListener.add(((TextMessage) m).getText());
                    entered.countDown();
                    release.await();
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            MessageConsumer blocked = victim.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(empty);
            victim.start();
            ExecutorService threads = Executors.newCachedThreadPool();
            try {
                Future<Message> blockedReceive = threads.submit(() -> blocked.receive());
                assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

                Future<?> closing = threads.submit(() -> {
                    victim.close();
                    return null;
                });
                // close() stops delivery first, then must wait for the running listener
                await().atMost(Duration.ofSeconds(30)).until(() -> !victim.isStarted());
                release.countDown();
                closing.get(); // returns
                assertThat(blockedReceive.get()).as("a blocked receive returns null on close").isNull();
            } finally {
                release.countDown();
                threads.shutdownNow();
            }

            MessageConsumer rescuer = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            List<String> gotByRescuer = new ArrayList<>();
            Message m;
            while ((m = rescuer.receive(2000)) != null) {
                gotByRescuer.add(((TextMessage) m).getText());
            }
            assertThat(failures).isEmpty();
            List<String> all = new ArrayList<>(gotByListener);
            all.addAll(gotByRescuer);
            assertThat(all).as("listener got %s", gotByListener).doesNotHaveDuplicates().hasSize(30);
        });
    }

    @Test
    void connectionsOpenedAndClosedConcurrentlyDoNotDeadlock() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        FerryConnection conn = connect();
                        Session s = conn.createSession(i % 2 == 0, Session.AUTO_ACKNOWLEDGE);
                        Topic topic = s.createTopic("churn");
                        Queue queue = s.createQueue("churn-" + thread);
                        CountDownLatch heard = new CountDownLatch(1);
                        s.createConsumer(topic).setMessageListener(m -> heard.countDown());
                        MessageConsumer qc = conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
                        conn.start();
                        Session ps = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        ps.createProducer(topic).send(ps.createTextMessage("t"));
                        ps.createProducer(queue).send(ps.createTextMessage("q"));
                        assertThat(qc.receive(10_000)).isNotNull();
                        assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
                        conn.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            threads.shutdown();
        });
    }

    @Test
    void concurrentRequestReplyThroughTemporaryQueuesAnswersEveryRequestOnce() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            FerryConnection server = connect();
            Queue requests = server.createSession().createQueue("requests");
            for (int i = 0; i < 4; i++) {
                Session ss = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer replier = ss.createProducer(null);
                ss.createConsumer(requests).setMessageListener(m -> {
                    try {
                        TextMessage reply = ss.createTextMessage("re:" + ((TextMessage) m).getText());
                        reply.setJMSCorrelationID(m.getJMSMessageID());
                        replier.send(m.getJMSReplyTo(), reply);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
            }
            server.start();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    FerryConnection conn = started();
                    Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    Queue replies = s.createTemporaryQueue();
                    MessageConsumer fromServer = s.createConsumer(replies);
                    MessageProducer p = s.createProducer(requests);
                    for (int i = 0; i < 100; i++) {
                        TextMessage request = s.createTextMessage("c" + client + "-" + i);
                        request.setJMSReplyTo(replies);
                        p.send(request);
                        Message reply = fromServer.receive(10_000);
                        assertThat(reply).isNotNull();
                        assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
                        assertThat(((TextMessage) reply).getText()).isEqualTo("re:c" + client + "-" + i);
                    }
                    conn.close();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            server.close();
            assertThat(failures).isEmpty();
            assertThat(messagesIn("requests")).isZero();
        });
    }
}
