package io.ferrymq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;

/** TEMPORARY STUB until the selector branch lands. */
public final class JmsSelector {
    private final String text;

    private JmsSelector(String text) {
        this.text = text;
    }

    public static JmsSelector parse(String selector) throws InvalidSelectorException {
        return new JmsSelector(selector == null || selector.isBlank() ? null : selector);
    }

    public boolean matchesAll() {
        return text == null;
    }

    public String text() {
        return text;
    }

    public boolean matches(Message m) {
        return true;
    }
}
