package io.ferrymq.bench.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Workload 6: send-to-receive latency of one 1 KiB message on an idle queue whose consumer is already waiting,
 * NON_PERSISTENT, AUTO_ACKNOWLEDGE, in memory (FerryMQ's in-memory engine, Artemis without persistence). One
 * operation sends a message and returns when the consumer has it; only one message is ever in flight, so each
 * sample is one message's trip from the producer's {@code send} to the consumer, plus waking the producer's thread
 * again (the same for both systems). JMH's SampleTime mode records the distribution; the report shows p50, p99
 * and p99.9.
 *
 * <p>{@code consumer}: {@code listener}, a MessageListener (FerryMQ: its long polls with prefetch; Artemis: its
 * pushed consumer window), or {@code receive}, a thread blocked in {@code receive()} (FerryMQ: one long poll of one
 * message at a time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JmsLatency {
    private static final String QUEUE = "bench-latency";
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Param({"ferrymq", "artemis"})
    public String system;

    @Param({"listener", "receive"})
    public String consumer;

    private JmsSystem broker;
    private Connection consumerConnection;
    private Connection producerConnection;
    private Session session;
    private MessageProducer producer;
    private Thread receiver;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running;
    /** Messages the consumer has had; written by the consumer's thread only. */
    private volatile long received;
    private volatile Thread waiter;
    private long sent;

    @Setup(Level.Trial)
    public void start() throws Exception {
        broker = JmsSystem.start(system, "memory");
        running = true;
        consumerConnection = broker.connectionFactory().createConnection();
        Session consumerSession = consumerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer mc = consumerSession.createConsumer(consumerSession.createQueue(QUEUE));
        switch (consumer) {
            case "listener" -> mc.setMessageListener(message -> arrived());
            case "receive" -> {
                receiver = new Thread(() -> receiveLoop(mc), "bench-receiver");
                receiver.setDaemon(true);
            }
            default -> throw new IllegalArgumentException("consumer is listener or receive, not " + consumer);
        }
        consumerConnection.setExceptionListener(e -> failure.compareAndSet(null, e));
        consumerConnection.start();
        if (receiver != null) {
            receiver.start();
        }

        producerConnection = broker.connectionFactory().createConnection();
        session = producerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(broker.deliveryMode());
    }

    private void receiveLoop(MessageConsumer mc) {
        try {
            while (running) {
                if (mc.receive() != null) {
                    arrived();
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (running) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private void arrived() {
        received = received + 1; // one writer: the consumer's thread
        LockSupport.unpark(waiter);
    }

    /** One message from {@code send} to the consumer. */
    @Benchmark
    public void sendToReceive() throws JMSException {
        Thread self = Thread.currentThread();
        if (waiter != self) {
            waiter = self;
        }
        long target = ++sent;
        producer.send(session.createTextMessage(Payload.TEXT_1KIB));
        long deadline = 0;
        while (received < target) {
            LockSupport.parkNanos(this, 1_000_000);
            if (received >= target) {
                break;
            }
            Throwable f = failure.get();
            if (f != null) {
                throw new IllegalStateException("The consumer failed", f);
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + TIMEOUT_NANOS;
            } else if (now - deadline > 0) {
                throw new IllegalStateException("Message " + target + " not received in 30 s");
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        running = false;
        try (JmsSystem b = broker) {
            Jms.closeAll(producerConnection, consumerConnection); // closing the consumer ends a blocked receive()
            if (receiver != null) {
                receiver.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }
}
