package io.ferrymq.engine.sqs;

import java.util.List;

/**
 * One page of a browse: messages in delivery order, without receipt handles. {@code nextCursor} continues after the
 * last message returned; it is null when the queue held no further visible message at the time of this page.
 */
public record BrowseResult(List<Message> messages, String nextCursor) {
    public BrowseResult {
        messages = List.copyOf(messages);
    }
}
