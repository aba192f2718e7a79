package io.ferrymq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A topic that lives as long as the connection that made it. */
public final class FerryTemporaryTopic extends FerryTopic implements TemporaryTopic {
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    FerryTemporaryTopic(String name, TemporaryDestinationOwner owner) {
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
        return "temp-topic";
    }
}
