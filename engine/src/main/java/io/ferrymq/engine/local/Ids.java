package io.ferrymq.engine.local;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Message ids in SQS's UUID form, made without SecureRandom's contention on the send path. */
final class Ids {
    private Ids() {
    }

    static String newMessageId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;            // version 4
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(hi, lo).toString();
    }
}
