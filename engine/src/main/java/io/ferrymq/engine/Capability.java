package io.ferrymq.engine;

/**
 * What an engine can do beyond the SQS/SNS actions. Adapters ask {@link Engine#capabilities()} and fall back,
 * documented, where a backend lacks one (real SQS has none of these).
 */
public enum Capability {
    /** Receive only messages matching a predicate, leaving the others' receive count and visibility untouched. */
    SELECTIVE_RECEIVE,
    /** Look at queued messages without taking a visibility lease on them. */
    BROWSE,
    /** Hand leased messages back uncounted, as if never received (a JMS consumer's unread prefetch). */
    RELEASE
}
