package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * MD5OfMessageBody and MD5OfMessageAttributes exactly as SQS computes them, so SDK checksum validation passes:
 * for each attribute sorted by name, length-prefixed name, length-prefixed type, a transport byte
 * (1 = String/Number, 2 = Binary) and the length-prefixed value.
 */
final class Md5Digests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    });

    private Md5Digests() {
    }

    static String ofBody(String body) {
        MessageDigest md = MD5.get();
        md.reset();
        return hex(md.digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The attributes' MD5, or null when there are none (SQS then omits it). */
    static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        MessageDigest md = MD5.get();
        md.reset();
        Map<String, MessageAttributeValue> sorted = attributes instanceof TreeMap ? attributes : new TreeMap<>(attributes);
        for (Map.Entry<String, MessageAttributeValue> e : sorted.entrySet()) {
            MessageAttributeValue v = e.getValue();
            lengthPrefixed(md, e.getKey().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(md, v.dataType().getBytes(StandardCharsets.UTF_8));
            if (v.isBinary()) {
                md.update((byte) 2);
                lengthPrefixed(md, v.binaryValue());
            } else {
                md.update((byte) 1);
                lengthPrefixed(md, v.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(md.digest());
    }

    private static void lengthPrefixed(MessageDigest md, byte[] bytes) {
        int n = bytes.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(bytes);
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** SHA-256 of the body, hex: the deduplication id of ContentBasedDeduplication. */
    static String sha256(String body) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
