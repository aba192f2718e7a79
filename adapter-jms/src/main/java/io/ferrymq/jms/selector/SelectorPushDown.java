package io.ferrymq.jms.selector;

import java.util.Optional;

/** TEMPORARY STUB until the selector branch lands. */
public final class SelectorPushDown {
    public record PushDown(Optional<String> filterPolicy, boolean exact) {
    }

    public static PushDown translate(String selector) {
        return new PushDown(Optional.empty(), selector == null);
    }
}
