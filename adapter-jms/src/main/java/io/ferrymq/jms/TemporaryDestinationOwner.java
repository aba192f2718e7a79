package io.ferrymq.jms;

import jakarta.jms.JMSException;

/** The connection that created a temporary destination, the only one that may consume from or delete it. */
interface TemporaryDestinationOwner {
    void deleteTemporary(FerryDestination destination) throws JMSException;
}
