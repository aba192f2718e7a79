package io.ferrymq.jms.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * JMS destination names as SQS queue and SNS topic names. A name SQS accepts ({@code [A-Za-z0-9_-]}, at most 80,
 * FIFO ending in {@code .fifo}) is used as it is, so a JMS app reaches queues other SQS clients already use. Any other
 * character becomes {@code _} (so {@code orders.in} is {@code orders_in}); a name that is still too long keeps its
 * start and gets a hash of the whole, so distinct long names stay distinct.
 */
public final class SqsNames {
    static final int MAX_QUEUE = 80;
    static final int MAX_TOPIC = 256;
    private static final String FIFO = ".fifo";

    private SqsNames() {
    }

    public static String queueName(String jmsName) {
        return sanitize(jmsName, MAX_QUEUE);
    }

    public static String topicName(String jmsName) {
        return sanitize(jmsName, MAX_TOPIC);
    }

    public static boolean isFifo(String jmsName) {
        return jmsName.endsWith(FIFO);
    }

    /** A queue for a temporary destination or a non-durable subscription: unique, and marked as the provider's. */
    public static String uniqueName(String kind) {
        return "ferry-" + kind + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * The name stem of a named subscription's queues: readable where it can be, distinct by a hash of its identity
     * always. Each incarnation of the subscription adds a random suffix ({@link #incarnation}), because SQS refuses
     * a queue name deleted less than 60 seconds ago and a JMS app may unsubscribe and subscribe again at once.
     */
    public static String subscriptionStem(String kind, String clientId, String subscriptionName) {
        String identity = (clientId == null ? "" : clientId) + "\u0000" + subscriptionName;
        String readable = clean((clientId == null ? "" : clientId + "-") + subscriptionName);
        String prefix = "ferry-" + kind + "-";
        String hash = hash(identity).substring(0, 16);
        int room = MAX_QUEUE - prefix.length() - hash.length() - 1 - INCARNATION_LENGTH - FIFO.length();
        return prefix + readable.substring(0, Math.min(room, readable.length())) + "-" + hash;
    }

    private static final int INCARNATION_LENGTH = 9;

    /** A fresh queue name for a subscription stem: {@code -} and 8 random hex digits, then {@code .fifo} if FIFO. */
    public static String incarnation(String stem, boolean fifo) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8) + (fifo ? FIFO : "");
    }

    private static String sanitize(String jmsName, int max) {
        if (jmsName == null || jmsName.isEmpty()) {
            throw new IllegalArgumentException("A destination name must not be empty");
        }
        boolean fifo = isFifo(jmsName) && jmsName.length() > FIFO.length();
        String base = fifo ? jmsName.substring(0, jmsName.length() - FIFO.length()) : jmsName;
        String suffix = fifo ? FIFO : "";
        String cleaned = clean(base);
        if (cleaned.length() + suffix.length() <= max) {
            return cleaned + suffix;
        }
        String hash = hash(jmsName).substring(0, 16);
        return cleaned.substring(0, max - suffix.length() - hash.length() - 1) + "-" + hash + suffix;
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    /** SHA-256 of the text, in hex. */
    public static String hash(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
