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

    /**
     * A queue of that name on which messages with the same {@code JMSXGroupID} are delivered in send order, one
     * consumer at a time (see {@link Semantics#groupsStickToConsumer()}). A broker's every queue does this (message
     * groups), so by default it is {@link #queue(String)}; FerryMQ needs a FIFO queue, whose name ends
     * {@code .fifo}. Such a queue may refuse what FIFO queues refuse (a per-message delivery delay).
     */
    default Queue orderedQueue(String name) throws Exception {
        return queue(name);
    }

    /** The JMS topic of that name. */
    Topic topic(String name) throws Exception;

    /**
     * Gives the named queue a redelivery limit: a message delivered {@code maxDeliveries} times without being
     * consumed goes to the returned dead-letter queue. Call before the queue is first used.
     */
    Queue withDeadLetterQueue(String queueName, int maxDeliveries) throws Exception;

    /** What this target documents where brokers legitimately differ; scenarios assert it. */
    Semantics semantics();

    /** True when {@link #restart()} keeps messages and durable subscriptions; most targets keep nothing. */
    default boolean restartable() {
        return false;
    }

    /** Stops and starts the broker; connections made before are dead. */
    default void restart() throws Exception {
        throw new UnsupportedOperationException(title() + " keeps nothing across a restart");
    }

    /**
     * Stops the broker; {@link Targets} calls it when the test JVM exits. Target is deliberately not
     * {@link AutoCloseable}: JUnit closes AutoCloseable arguments of a parameterized test after each invocation,
     * which would stop the shared target after the first scenario.
     */
    void close() throws Exception;
}
