package io.ferrymq.bench.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

/** Small JMS helpers the workloads share. */
final class Jms {
    private Jms() {
    }

    /** Closes each connection that was made, all of them even if one fails; the first failure is thrown. */
    static void closeAll(Connection... connections) throws JMSException {
        JMSException first = null;
        for (Connection c : connections) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (JMSException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
