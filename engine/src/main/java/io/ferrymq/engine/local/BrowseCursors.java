package io.ferrymq.engine.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A browse cursor names the last message of a page by its place in the queue's arrival order and its id, for the
 * queue incarnation it was made on. Opaque to clients, so its form can change.
 */
final class BrowseCursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    record Position(long arrival, String messageId) {
    }

    private BrowseCursors() {
    }

    static String encode(long incarnation, StoredMessage last) {
        String raw = "b1:" + Long.toHexString(incarnation) + ":" + Long.toHexString(last.arrival) + ":" + last.id;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, or null when it is not a cursor of this queue incarnation. */
    static Position decode(String cursor, long incarnation) {
        if (cursor.isEmpty() || cursor.length() > 1024) {
            return null;
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split(":", 4);
            if (parts.length != 4 || !parts[0].equals("b1") || parts[3].isEmpty()
                    || Long.parseUnsignedLong(parts[1], 16) != incarnation) {
                return null;
            }
            return new Position(Long.parseUnsignedLong(parts[2], 16), parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
