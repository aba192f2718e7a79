package io.ferrymq.jms;

import jakarta.jms.JMSException;

/** Deleting a temporary destination: only its creating connection may. */
final class Temporaries {
    private Temporaries() {
    }

    static void delete(FerryDestination destination, TemporaryDestinationOwner owner) throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException(
                    "Only the connection that created " + destination + " can delete it");
        }
        owner.deleteTemporary(destination);
    }
}
