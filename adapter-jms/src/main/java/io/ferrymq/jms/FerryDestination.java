package io.ferrymq.jms;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;

import java.io.Serializable;
import java.util.Objects;

/**
 * A JMS destination by name. Its wire form ({@code queue://orders}, {@code topic://prices},
 * {@code temp-queue://...}, {@code temp-topic://...}) is how JMSReplyTo and JMSDestination travel inside messages.
 */
public abstract sealed class FerryDestination implements Destination, Serializable
        permits FerryQueue, FerryTopic {
    private static final long serialVersionUID = 1L;

    private final String name;

    FerryDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The JMS name, as the application gave it. */
    public String name() {
        return name;
    }

    public abstract boolean isTopic();

    public boolean isTemporary() {
        return false;
    }

    /** The form carried in messages: kind, {@code ://}, name. */
    public String wireName() {
        return kind() + "://" + name;
    }

    abstract String kind();

    /** The destination a wire name denotes; temporary ones come back without an owning connection. */
    public static FerryDestination fromWireName(String wireName) throws InvalidDestinationException {
        int sep = wireName == null ? -1 : wireName.indexOf("://");
        if (sep < 0) {
            throw new InvalidDestinationException("Not a FerryMQ destination: " + wireName);
        }
        String name = wireName.substring(sep + 3);
        return switch (wireName.substring(0, sep)) {
            case "queue" -> new FerryQueue(name);
            case "topic" -> new FerryTopic(name);
            case "temp-queue" -> new FerryTemporaryQueue(name, null);
            case "temp-topic" -> new FerryTemporaryTopic(name, null);
            default -> throw new InvalidDestinationException("Not a FerryMQ destination: " + wireName);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FerryDestination d && d.kind().equals(kind()) && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return kind().hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
