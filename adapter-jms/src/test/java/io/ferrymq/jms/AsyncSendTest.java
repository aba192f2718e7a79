package io.ferrymq.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Asynchronous send (JMS 2.0 §7.3): a CompletionListener told once per message, in order, and its restrictions. */
class AsyncSendTest extends JmsFixture {

    /** Records what a CompletionListener was told. */
    static final class Recorder implements CompletionListener {
        final List<Message> completed = Collections.synchronizedList(new ArrayList<>());
        final List<Exception> failed = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch calls;
        final Consumer<Message> inCallback;

        Recorder(int expectedCalls) {
            this(expectedCalls, m -> { });
        }

        Recorder(int expectedCalls, Consumer<Message> inCallback) {
            this.calls = new CountDownLatch(expectedCalls);
            this.inCallback = inCallback;
        }

        @Override
        public void onCompletion(Message message) {
            inCallback.accept(message);
            completed.add(message);
            calls.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            failed.add(exception);
            calls.countDown();
        }

        void await() throws InterruptedException {
            assertThat(calls.await(30, TimeUnit.SECONDS)).as("every send completed").isTrue();
        }
    }

    @Test
    void onCompletionIsCalledOncePerMessageInSendOrder() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("async");
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder(200);
        List<TextMessage> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TextMessage m = s.createTextMessage("m" + i);
            sent.add(m);
            p.send(m, r);
        }
        r.await();
        s.close(); // waits for every callback, so none can come after this
        assertThat(r.failed).isEmpty();
        assertThat(r.completed).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(r.completed.get(i)).as("callback %d is for the %dth message sent", i, i).isSameAs(sent.get(i));
        }

        MessageConsumer c = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        for (int i = 0; i < 200; i++) {
            assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("m" + i);
        }
    }

    @Test
    void onDurableStorageCompletionsFollowSendOrderAcrossDestinations(@org.junit.jupiter.api.io.TempDir
                                                                       java.nio.file.Path dir) throws Exception {
        String name = "durable-" + java.util.UUID.randomUUID();
        FerryConnectionFactory durable = new FerryConnectionFactory("ferry:embedded?name=" + name + "&dataDir="
                + dir.toString().replace("\\", "/") + "&fsync=false");
        try {
            FerryConnection conn = durable.createConnection();
            try {
                Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(null);
                Queue[] queues = {s.createQueue("durable-a"), s.createQueue("durable-b"), s.createQueue("durable-c")};
                jakarta.jms.Topic topic = s.createTopic("durable-t");
                Recorder r = new Recorder(300);
                List<Message> sent = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    TextMessage m = s.createTextMessage("m" + i);
                    sent.add(m);
                    p.send(i % 4 == 3 ? topic : queues[i % 4], m, r);
                }
                r.await();
                assertThat(r.failed).isEmpty();
                for (int i = 0; i < 300; i++) {
                    assertThat(r.completed.get(i)).as("callback %d", i).isSameAs(sent.get(i));
                }
            } finally {
                conn.close();
            }
        } finally {
            io.ferrymq.jms.provider.EmbeddedEngines.shutdown(name);
        }
    }

    @Test
    void sendingToADeletedTemporaryQueueFailsOnceAndNeverCompletes() throws Exception {
        // JMS 2.0 §7.3.7: a failure found during the send call is thrown there; one found later goes to onException.
        // Either way exactly once, and onCompletion is never called.
        FerryConnection conn = started();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue tq = s.createTemporaryQueue();
        tq.delete();
        Recorder r = new Recorder(1);
        Exception thrown = null;
        try {
            s.createProducer(null).send(tq, s.createTextMessage("lost"), r);
        } catch (JMSException e) {
            thrown = e;
        }
        if (thrown == null) {
            r.await();
            assertThat(r.failed).hasSize(1);
            thrown = r.failed.get(0);
        } else {
            s.close(); // any callback would have come by now
            assertThat(r.failed).as("not also reported to onException").isEmpty();
        }
        assertThat(thrown).isInstanceOf(InvalidDestinationException.class);
        assertThat(r.completed).isEmpty();
    }

    @Test
    void aSendTheEngineRefusesFailsOnceAndDoesNotDisturbTheNextSend() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("too-big"));
        Recorder bad = new Recorder(1);
        Recorder good = new Recorder(1);
        Exception thrown = null;
        try {
            p.send(s.createTextMessage("x".repeat(1_100_000)), bad); // over SQS's 1 MiB
        } catch (JMSException e) {
            thrown = e;
        }
        p.send(s.createTextMessage("small"), good);
        good.await();
        if (thrown == null) {
            bad.await();
            assertThat(bad.failed).hasSize(1);
        }
        s.close();
        if (thrown != null) {
            assertThat(bad.failed).as("not also reported to onException").isEmpty();
        }
        assertThat(bad.completed).isEmpty();
        assertThat(good.completed).hasSize(1);
        assertThat(good.failed).isEmpty();
    }

    @Test
    void aFailedAsyncSendGoesToOnExceptionNotToTheExceptionListener() throws Exception {
        FerryConnection conn = started();
        List<JMSException> reported = Collections.synchronizedList(new ArrayList<>());
        conn.setExceptionListener(reported::add);
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("too-big-2"));
        Recorder bad = new Recorder(1);
        try {
            p.send(s.createTextMessage("x".repeat(1_100_000)), bad);
            bad.await();
        } catch (JMSException thrownAtOnce) {
            // also allowed: then there is nothing asynchronous to report
        }
        s.close();
        assertThat(reported).as("the application heard of it through the CompletionListener").isEmpty();
    }

    @Test
    void aCompletionListenerThatThrowsDoesNotStopLaterCallbacks() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("throwing-callback"));
        CompletionListener throwing = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                throw new IllegalStateException("application bug");
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        p.send(s.createTextMessage("first"), throwing);
        Recorder r = new Recorder(1);
        p.send(s.createTextMessage("second"), r);
        r.await();
        assertThat(r.completed).hasSize(1);
    }

    @Test
    void sessionCloseWaitsForEveryOutstandingCompletion() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("slow-callbacks"));
        AtomicInteger done = new AtomicInteger();
        Recorder r = new Recorder(20, m -> {
            try {
                Thread.sleep(20); // a callback that takes a while
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        });
        for (int i = 0; i < 20; i++) {
            p.send(s.createTextMessage("m" + i), r);
        }
        s.close();
        assertThat(done.get()).as("close() returned only after every onCompletion had returned").isEqualTo(20);
    }

    @Test
    void producerCloseWaitsForItsOutstandingCompletions() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("slow-callbacks-producer"));
        AtomicInteger done = new AtomicInteger();
        Recorder r = new Recorder(10, m -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        });
        for (int i = 0; i < 10; i++) {
            p.send(s.createTextMessage("m" + i), r);
        }
        p.close();
        assertThat(done.get()).as("MessageProducer.close() waits for the callbacks of its sends").isEqualTo(10);
    }

    @Test
    void jmsContextCloseWaitsForOutstandingCompletions() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("slow-callbacks-context");
        AtomicInteger done = new AtomicInteger();
        Recorder r = new Recorder(10, m -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        });
        var p = ctx.createProducer().setAsync(r);
        for (int i = 0; i < 10; i++) {
            p.send(q, "m" + i);
        }
        ctx.close();
        assertThat(done.get()).isEqualTo(10);
    }

    @Test
    void connectionCloseWaitsForEveryOutstandingCompletion() throws Exception {
        FerryConnection conn = started();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("slow-callbacks-2"));
        AtomicInteger done = new AtomicInteger();
        Recorder r = new Recorder(10, m -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        });
        for (int i = 0; i < 10; i++) {
            p.send(s.createTextMessage("m" + i), r);
        }
        conn.close();
        assertThat(done.get()).isEqualTo(10);
    }

    /** Runs a call inside onCompletion and returns what it threw (null if nothing). */
    private static Throwable thrownInsideOnCompletion(MessageProducer p, Message m, CallInCallback call)
            throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        p.send(m, new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    call.run();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.completeExceptionally(exception);
            }
        });
        return outcome.get(30, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    interface CallInCallback {
        void run() throws Exception;
    }

    @Test
    void closingTheOwnSessionInsideOnCompletionThrowsIllegalStateExceptionAndLeavesItOpen() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("cb-close");
        MessageProducer p = s.createProducer(q);
        assertThat(thrownInsideOnCompletion(p, s.createTextMessage("a"), s::close))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        p.send(s.createTextMessage("b"));
        assertThat(s.createConsumer(q).receive(5000)).isNotNull();
    }

    @Test
    void closingTheOwnProducerInsideOnCompletionThrowsIllegalStateException() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("cb-producer-close"));
        assertThat(thrownInsideOnCompletion(p, s.createTextMessage("a"), p::close))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        p.send(s.createTextMessage("b"));
    }

    @Test
    void closingTheOwnConnectionInsideOnCompletionThrowsIllegalStateExceptionAndLeavesItOpen() throws Exception {
        FerryConnection conn = started();
        Session s = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("cb-connection-close");
        MessageProducer p = s.createProducer(q);
        assertThat(thrownInsideOnCompletion(p, s.createTextMessage("a"), conn::close))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        p.send(s.createTextMessage("b"));
        Session other = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = other.createConsumer(q);
        assertThat(c.receive(5000)).isNotNull();
        assertThat(c.receive(5000)).isNotNull();
    }

    @Test
    void commitAndRollbackInsideOnCompletionThrowIllegalStateException() throws Exception {
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("cb-commit");
        MessageProducer p = tx.createProducer(q);
        assertThat(thrownInsideOnCompletion(p, tx.createTextMessage("a"), tx::commit))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThat(thrownInsideOnCompletion(p, tx.createTextMessage("b"), tx::rollback))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        tx.commit();
        MessageConsumer c = tx.createConsumer(q);
        assertThat(c.receive(5000)).as("the refused commit and rollback left the transaction as it was").isNotNull();
        assertThat(c.receive(5000)).isNotNull();
        tx.commit();
    }

    @Test
    void aJmsProducerWithACompletionListenerCompletesEachSendInOrder() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("ctx-async");
        Recorder r = new Recorder(50);
        var p = ctx.createProducer().setAsync(r);
        assertThat(p.getAsync()).isSameAs(r);
        for (int i = 0; i < 50; i++) {
            p.send(q, "m" + i);
        }
        r.await();
        for (int i = 0; i < 50; i++) {
            assertThat(((TextMessage) r.completed.get(i)).getText()).isEqualTo("m" + i);
        }
    }

    @Test
    void closingTheOwnContextInsideOnCompletionThrowsIllegalStateRuntimeExceptionAndLeavesItOpen() throws Exception {
        JMSContext ctx = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue("ctx-cb-close");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        ctx.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    ctx.close();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.completeExceptionally(exception);
            }
        }).send(q, "a");
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
        ctx.createProducer().send(q, "b");
        assertThat(ctx.createConsumer(q).receiveBody(String.class, 5000)).isEqualTo("a");
    }
}
