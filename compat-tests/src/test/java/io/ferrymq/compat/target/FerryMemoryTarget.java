package io.ferrymq.compat.target;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.time.SystemTimeSource;
import io.ferrymq.engine.time.TimeSource;
import io.ferrymq.jms.FerryConnectionFactory;
import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTopic;
import io.ferrymq.jms.provider.ProviderOptions;
import io.ferrymq.jms.provider.SqsNames;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.util.List;
import java.util.Map;

/**
 * FerryMQ's JMS provider on an in-memory engine this target owns, so it can set queues up through the engine (a
 * RedrivePolicy) as an operator would with the SQS API.
 */
class FerryMemoryTarget implements Target {
    /**
     * The visibility lease the provider takes on each received message: short (the option's minimum, against the
     * default 30 s), so that a scenario can hold a message past several lease terms in seconds.
     */
    static final int LEASE_SECONDS = 2;

    /**
     * FerryMQ's documented differences (docs/jms-mapping.md): send order, queue delays up to SQS's 15 minutes,
     * redelivered messages at the end of a standard queue, browsing shows visible messages only (never an expired
     * one: the provider deletes it instead of delivering or listing it), the DLQ keeps
     * SQS's receive count, FIFO groups are serialized rather than pinned, a renewed lease, a send to a deleted
     * temporary queue fails.
     */
    static final Semantics SEMANTICS = new Semantics(false, 900_000, false, false, false, true, false,
            LEASE_SECONDS * 1000L, true, false, true, false);

    protected LocalEngine engine;
    protected TimeSource time;
    protected FerryConnectionFactory factory;

    FerryMemoryTarget() {
        start();
    }

    /** Builds the engine and the factory on it. */
    protected void start() {
        time = new SystemTimeSource();
        engine = newEngine();
        factory = new FerryConnectionFactory(engine, time, ProviderOptions.DEFAULTS.withLeaseSeconds(LEASE_SECONDS));
    }

    /** The engine this target runs on, on {@link #time}: here one in memory. */
    protected LocalEngine newEngine() {
        return LocalEngine.builder().timeSource(time).build();
    }

    @Override
    public String id() {
        return "ferry-memory";
    }

    @Override
    public String title() {
        return "FerryMQ (memory)";
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    @Override
    public Queue queue(String name) {
        return new FerryQueue(name);
    }

    /** A FIFO queue: SQS keeps order within a MessageGroupId (JMSXGroupID) only there. */
    @Override
    public Queue orderedQueue(String name) {
        return new FerryQueue(name + ".fifo");
    }

    @Override
    public Topic topic(String name) {
        return new FerryTopic(name);
    }

    @Override
    public Queue withDeadLetterQueue(String queueName, int maxDeliveries) throws Exception {
        String dlqName = queueName + "-DLQ";
        String dlqUrl = engine.createQueue(CreateQueueRequest.of(SqsNames.queueName(dlqName))).get();
        String dlqArn = engine.getQueueAttributes(dlqUrl, List.of("QueueArn")).get().get("QueueArn");
        engine.createQueue(CreateQueueRequest.of(SqsNames.queueName(queueName), Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + maxDeliveries + "}"))).get();
        return new FerryQueue(dlqName);
    }

    @Override
    public Semantics semantics() {
        return SEMANTICS;
    }



    @Override
    public void close() {
        engine.close();
        time.close();
    }

    @Override
    public String toString() {
        return id();
    }
}
