package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** A message whose body is a String (null when none was set). */
public class FerryTextMessage extends FerryMessage implements TextMessage {
    private String text;

    public FerryTextMessage() {
    }

    public FerryTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    void clearBodyContent() {
        text = null;
    }

    @Override
    Object body() {
        return text;
    }
}
