package io.ferrymq.engine.sqs;

import java.util.List;

/** The messages one receive returned; empty when none was available in the wait time. */
public record ReceiveMessageResult(List<Message> messages) {
    public ReceiveMessageResult {
        messages = List.copyOf(messages);
    }
}
