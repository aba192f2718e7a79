package io.ferrymq.jms.selector;

import io.ferrymq.engine.sqs.MessageAttributeValue;
import jakarta.jms.Message;

import java.util.Map;

/** TEMPORARY STUB until the selector branch lands. */
public final class FilterAttributes {
    public static Map<String, MessageAttributeValue> of(Message m) {
        return Map.of();
    }
}
