package io.ferrymq.engine.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A receipt handle names one receive of one message: the queue incarnation (so a handle from a deleted and
 * re-created queue is refused), the message id, and the receive's serial number on that queue.
 */
final class ReceiptHandles {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    record Decoded(long incarnation, String messageId, long serial) {
    }

    private ReceiptHandles() {
    }

    static String encode(long incarnation, String messageId, long serial) {
        String raw = "1:" + Long.toHexString(incarnation) + ":" + messageId + ":" + Long.toHexString(serial);
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a handle, or null when the text is not a handle this engine made. */
    static Decoded decode(String handle) {
        if (handle == null || handle.isEmpty() || handle.length() > 1024) {
            return null;
        }
        try {
            String raw = new String(DECODER.decode(handle), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 4 || !parts[0].equals("1") || parts[2].isEmpty()) {
                return null;
            }
            return new Decoded(Long.parseUnsignedLong(parts[1], 16), parts[2], Long.parseUnsignedLong(parts[3], 16));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
