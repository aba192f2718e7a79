package io.ferrymq.jms.selector;

import java.util.Optional;

/**
 * A selector translated for SNS. {@code filterPolicy}, when present, is a FilterPolicy in the MessageAttributes scope
 * ({@link #SCOPE}) that never rejects a message the selector accepts, provided the publisher sent
 * {@link FilterAttributes#of}. {@code exact} means it accepts exactly the messages the selector accepts; otherwise
 * the consumer must evaluate the selector on what arrives. No policy means every message must be delivered.
 */
public record PushDown(Optional<String> filterPolicy, boolean exact) {
    /** The FilterPolicyScope subscription attribute the policy is written for. */
    public static final String SCOPE = "MessageAttributes";

    public PushDown {
        filterPolicy = filterPolicy == null ? Optional.empty() : filterPolicy;
    }
}
