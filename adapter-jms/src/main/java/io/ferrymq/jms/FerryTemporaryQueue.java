package io.ferrymq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/** A queue that lives as long as the connection that made it. */
public final class FerryTemporaryQueue extends FerryQueue implements TemporaryQueue {
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    FerryTemporaryQueue(String name, TemporaryDestinationOwner owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }


    @Override
    public void delete() throws JMSException {
        Temporaries.delete(this, owner);
    }

    @Override
    String kind() {
        return "temp-queue";
    }
}
