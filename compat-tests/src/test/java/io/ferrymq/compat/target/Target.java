package io.ferrymq.compat.target;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * One broker the scenarios run against. Scenarios use the JMS API only; whatever differs in setting a broker up
 * (a dead-letter queue is an address setting on Artemis, a RedrivePolicy on SQS) lives here. A new target (FerryMQ
 * over AMQP, FerryMQ on real SQS/SNS) is one more implementation added to {@link Targets}; no scenario changes.
 */
public interface Target {
    /** A short stable key, used in file names and as the matrix column key: {@code ferry-memory}. */
    String id();

    /** The matrix column header: {@code FerryMQ (memory)}. */
    String title();

    /** A factory for new connections; after {@link #restart()} ask again. */
    ConnectionFactory connectionFactory() throws Exception;

    /** The JMS queue of that name (scenarios choose names no other scenario uses). */
    Queue queue(String name) throws Exception;

    /** The JMS topic of that name. */
    Topic topic(String name) throws Exception;

    /**
     * Gives the named queue a redelivery limit: a message delivered {@code maxDeliveries} times without being
     * consumed goes to the returned dead-letter queue. Call before the queue is first used.
     */
    Queue withDeadLetterQueue(String queueName, int maxDeliveries) throws Exception;

    /** What this target documents where brokers legitimately differ; scenarios assert it. */
    Semantics semantics();

    /** True when {@link #restart()} keeps messages and durable subscriptions. */
    boolean restartable();

    /** Stops and starts the broker; connections made before are dead. */
    void restart() throws Exception;

    /**
     * Stops the broker; {@link Targets} calls it when the test JVM exits. Target is deliberately not
     * {@link AutoCloseable}: JUnit closes every AutoCloseable argument of a {@code @ParameterizedTest} after each
     * invocation ({@code autoCloseArguments}), which stopped every target after the first scenario that used it.
     */
    void close() throws Exception;
}
