package io.ferrymq.engine.local;

import java.time.Duration;

/**
 * What an engine with a data directory found there at start, and how long rebuilding its state took.
 * {@code damagedRecords} counts journal records left out because their bytes were damaged (their checksum did not
 * match): state lost to the disk, worth an operator's attention.
 */
public record RecoveryReport(Duration took, long queues, long messages, long topics, long subscriptions,
                             long damagedRecords) {
    static final RecoveryReport NOTHING = new RecoveryReport(Duration.ZERO, 0, 0, 0, 0, 0);

    @Override
    public String toString() {
        return "recovered " + queues + " queues with " + messages + " messages and " + topics + " topics with "
                + subscriptions + " subscriptions in " + took.toMillis() + " ms"
                + (damagedRecords == 0 ? "" : "; " + damagedRecords + " damaged journal records were left out");
    }
}
