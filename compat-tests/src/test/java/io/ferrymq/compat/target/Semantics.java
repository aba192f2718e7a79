package io.ferrymq.compat.target;

/**
 * The documented behaviour of a target where JMS brokers legitimately differ. A scenario asserts the target's own
 * entry explicitly (it never skips), and reports a difference from the JMS broker norm in the matrix.
 *
 * @param priorityOrdering       higher JMSPriority is delivered first among waiting messages
 * @param maxQueueDelayMillis    the longest delivery delay a queue send accepts ({@link Long#MAX_VALUE}: no limit)
 * @param redeliveredGoFirst     a rolled-back or recovered message comes back before messages that were waiting
 * @param browserShowsDelayed    a QueueBrowser lists messages whose delivery delay has not passed
 */
public record Semantics(boolean priorityOrdering, long maxQueueDelayMillis, boolean redeliveredGoFirst,
                        boolean browserShowsDelayed) {
}
