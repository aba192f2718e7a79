package io.ferrymq.jms;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/** Accepts FerryMQ destinations and, by name, any other provider's Queue or Topic (a migrating app may hold some). */
final class Destinations {
    private Destinations() {
    }

    static FerryDestination of(Destination destination) throws JMSException {
        if (destination instanceof FerryDestination d) {
            return d;
        }
        if (destination instanceof Topic t) {
            return new FerryTopic(t.getTopicName());
        }
        if (destination instanceof Queue q) {
            return new FerryQueue(q.getQueueName());
        }
        throw new InvalidDestinationException("Not a queue or topic: " + destination);
    }

    static FerryDestination require(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("The destination must not be null");
        }
        return of(destination);
    }

    static FerryTopic requireTopic(Topic topic) throws JMSException {
        return (FerryTopic) require(topic);
    }
}
