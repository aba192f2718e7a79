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

/**
 * Workloads 1 and 2: JMS throughput with one producer and one consumer on one queue, AUTO_ACKNOWLEDGE, 1 KiB
 * TextMessages, in messages per second. The producer (JMH's thread, one send per operation) and the consumer (a
 * MessageListener on its own connection) run at once; a {@link Window} of {@value #WINDOW} messages keeps the
 * producer from running away, so the score is the rate at which messages go through end to end.
 *
 * <p>{@code storage}: {@code memory} (workload 1: FerryMQ's in-memory engine, Artemis without persistence,
 * NON_PERSISTENT sends), {@code fsync} and {@code nosync} (workload 2: durable engine / persistent journal with the
 * force to disk on or off, PERSISTENT sends; see {@link JmsSystem}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JmsThroughput {
    /** Messages sent and not yet consumed before the producer waits: more than either system's look-ahead. */
    static final int WINDOW = 1000;
    private static final String QUEUE = "bench-throughput";

    @Param({"ferrymq", "artemis"})
    public String system;

    @Param({"memory", "fsync", "nosync"})
    public String storage;

    private JmsSystem broker;
    private Connection consumerConnection;
    private Connection producerConnection;
    private Session session;
    private MessageProducer producer;
    private Window window;

    @Setup(Level.Trial)
    public void start() throws Exception {
        broker = JmsSystem.start(system, storage);
        window = new Window(WINDOW);
        consumerConnection = broker.connectionFactory().createConnection();
        Session consumerSession = consumerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue(QUEUE));
        consumer.setMessageListener(message -> window.received(1));
        consumerConnection.setExceptionListener(window::fail);
        consumerConnection.start();

        producerConnection = broker.connectionFactory().createConnection();
        session = producerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(broker.deliveryMode());
    }

    /** One message sent; counted once there is room for it in the window. */
    @Benchmark
    public void autoAck() throws JMSException {
        window.acquire(1);
        producer.send(session.createTextMessage(Payload.TEXT_1KIB));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        try (JmsSystem b = broker) {
            Jms.closeAll(producerConnection, consumerConnection);
        }
    }
}
