package io.ferrymq.jms;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

import static io.ferrymq.jms.Unchecked.unchecked;

/** The simplified API's consumer: a MessageConsumer whose failures are unchecked. */
final class FerryJMSConsumer implements JMSConsumer {
    private final FerryMessageConsumer consumer;

    FerryJMSConsumer(MessageConsumer consumer) {
        this.consumer = (FerryMessageConsumer) consumer;
    }


    @Override
    public String getMessageSelector() {
        return unchecked(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return unchecked(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        unchecked(() -> {
            consumer.setMessageListener(listener);
            return null;
        });
    }

    @Override
    public Message receive() {
        return unchecked(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return unchecked(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return unchecked(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        unchecked(() -> {
            consumer.close();
            return null;
        });
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(unchecked(() -> consumer.receiveBody(c, 0, false)), c);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(unchecked(() -> consumer.receiveBody(c, timeout, false)), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(unchecked(() -> consumer.receiveBody(c, 0, true)), c);
    }

    private static <T> T body(Message m, Class<T> c) {
        return m == null ? null : unchecked(() -> m.getBody(c));
    }
}
