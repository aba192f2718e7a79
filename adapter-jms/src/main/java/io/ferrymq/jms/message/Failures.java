package io.ferrymq.jms.message;

import jakarta.jms.JMSException;

/** JMS exceptions that keep their cause both ways JMS code looks for it. */
final class Failures {
    private Failures() {
    }

    static <E extends JMSException> E linked(E failure, Exception cause) {
        failure.setLinkedException(cause);
        failure.initCause(cause);
        return failure;
    }
}
