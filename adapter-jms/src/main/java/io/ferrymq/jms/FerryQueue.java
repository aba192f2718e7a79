package io.ferrymq.jms;

import jakarta.jms.Queue;

/** A JMS queue; it is an SQS queue underneath. */
public sealed class FerryQueue extends FerryDestination implements Queue permits FerryTemporaryQueue {
    private static final long serialVersionUID = 1L;

    public FerryQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public boolean isTopic() {
        return false;
    }

    @Override
    String kind() {
        return "queue";
    }
}
