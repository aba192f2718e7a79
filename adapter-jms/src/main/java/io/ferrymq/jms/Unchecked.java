package io.ferrymq.jms;

import io.ferrymq.jms.provider.JmsErrors;
import jakarta.jms.JMSException;

/** The simplified API (JMSContext, JMSProducer, JMSConsumer) throws the unchecked twin of each JMSException. */
final class Unchecked {
    private Unchecked() {
    }

    @FunctionalInterface
    interface Call<T> {
        T call() throws JMSException;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
    }
}
