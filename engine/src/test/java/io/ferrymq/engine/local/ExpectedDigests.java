package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests SQS returns, computed independently of the engine from the documented encoding (SQS Developer Guide,
 * "Calculating the MD5 message digest for message attributes"): attributes sorted by name; for each, the name and the
 * data type as 4-byte big-endian length plus UTF-8 bytes, one transport byte (1 for String and Number, 2 for Binary)
 * and the value as 4-byte length plus bytes.
 */
final class ExpectedDigests {
    private ExpectedDigests() {
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String md5OfBody(String body) {
        return md5Hex(body.getBytes(StandardCharsets.UTF_8));
    }

    static String md5OfAttributes(Map<String, MessageAttributeValue> attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttributeValue v = e.getValue();
            boolean binary = v.dataType().startsWith("Binary");
            writeLengthPrefixed(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            writeLengthPrefixed(out, v.dataType().getBytes(StandardCharsets.UTF_8));
            out.write(binary ? 2 : 1);
            writeLengthPrefixed(out, binary ? v.binaryValue() : v.stringValue().getBytes(StandardCharsets.UTF_8));
        }
        return md5Hex(out.toByteArray());
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
