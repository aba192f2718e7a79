package io.ferrymq.bench.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 3: transacted batches of {@value #BATCH} 1 KiB messages, {@value #PRODUCERS} producers and
 * {@value #CONSUMERS} consumers on one queue, in messages per second. Each producer (a JMH thread) sends
 * {@value #BATCH} messages in a transacted session and commits; each consumer (a thread of its own) receives in a
 * transacted session with {@code receive(timeout)}, the loop Spring's DefaultMessageListenerContainer runs, and
 * commits every {@value #BATCH} messages (or what it has when the queue is empty). Every producer and consumer has
 * its own connection, as separate applications would. A {@link Window} of {@value #WINDOW} messages between the
 * producers' commits and the consumers' commits measures the rate both ends sustain together.
 *
 * <p>{@code storage}: {@code memory} (in-memory engine / Artemis without persistence, NON_PERSISTENT) or
 * {@code fsync} (durable engine with fsync / persistent journal with datasync, PERSISTENT): see {@link JmsSystem}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JmsTransacted {
    static final int BATCH = 100;
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int WINDOW = 40 * BATCH;
    /** How long a consumer waits for a next message before committing what it has. */
    private static final long RECEIVE_TIMEOUT_MS = 100;
    private static final String QUEUE = "bench-transacted";

    @Param({"ferrymq", "artemis"})
    public String system;

    @Param({"memory", "fsync"})
    public String storage;

    JmsSystem broker;
    Window window;
    private final List<Connection> consumerConnections = new ArrayList<>();
    private final List<Thread> consumers = new ArrayList<>();
    private volatile boolean running;

    @Setup(Level.Trial)
    public void start() throws Exception {
        broker = JmsSystem.start(system, storage);
        window = new Window(WINDOW);
        running = true;
        for (int i = 0; i < CONSUMERS; i++) {
            Connection connection = broker.connectionFactory().createConnection();
            consumerConnections.add(connection);
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            connection.start();
            Thread t = new Thread(() -> consume(session, consumer), "bench-consumer-" + i);
            t.setDaemon(true);
            consumers.add(t);
            t.start();
        }
    }

    private void consume(Session session, MessageConsumer consumer) {
        int held = 0;
        try {
            while (running) {
                Message m = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (m != null) {
                    held++;
                }
                if (held == BATCH || (m == null && held > 0)) {
                    session.commit();
                    window.received(held);
                    held = 0;
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (running) {
                window.fail(e);
            }
        }
    }

    /** A producer: its own connection and transacted session. */
    @State(Scope.Thread)
    public static class Producer {
        private Connection connection;
        Session session;
        MessageProducer producer;

        @Setup(Level.Trial)
        public void open(JmsTransacted bench) throws JMSException {
            connection = bench.broker.connectionFactory().createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(QUEUE);
            producer = session.createProducer(queue);
            producer.setDeliveryMode(bench.broker.deliveryMode());
        }

        @TearDown(Level.Trial)
        public void close() throws JMSException {
            Jms.closeAll(connection);
        }
    }

    /** One transaction of {@value #BATCH} sends and a commit, counted as {@value #BATCH} messages. */
    @Benchmark
    @Threads(PRODUCERS)
    @OperationsPerInvocation(BATCH)
    public void batch100(Producer p) throws JMSException {
        window.acquire(BATCH);
        for (int i = 0; i < BATCH; i++) {
            p.producer.send(p.session.createTextMessage(Payload.TEXT_1KIB));
        }
        p.session.commit();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        running = false;
        try (JmsSystem b = broker) {
            for (Thread t : consumers) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            Jms.closeAll(consumerConnections.toArray(new Connection[0]));
        }
    }
}
