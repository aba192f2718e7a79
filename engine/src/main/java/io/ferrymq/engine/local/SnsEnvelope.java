package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON document SNS delivers to an SQS subscription without RawMessageDelivery, as SNS writes it: its fields in
 * its order, pretty-printed with " : " and two-space indents, attribute values on one line each. FIFO topics carry a
 * SequenceNumber and no signature fields. The signature is shaped like SNS's but not verifiable, since there is no SNS
 * certificate to sign with locally.
 */
final class SnsEnvelope {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SnsEnvelope() {
    }

    /**
     * One message's envelope with the subscription left open: only UnsubscribeURL differs between subscriptions,
     * so a fan-out builds the rest (and its signature) once.
     */
    static final class Parts {
        private final String head;
        private final String tail;

        Parts(PublishedMessage m, String endpoint) {
            StringBuilder out = new StringBuilder(m.sqsMessage().length() + 768).append('{');
            field(out, "Type", "Notification");
            field(out, "MessageId", m.messageId());
            if (m.sequenceNumber() != null) {
                field(out, "SequenceNumber", m.sequenceNumber());
            }
            field(out, "TopicArn", m.topicArn());
            if (m.subject() != null) {
                field(out, "Subject", m.subject());
            }
            field(out, "Message", m.sqsMessage());
            field(out, "Timestamp", TIMESTAMP.format(Instant.ofEpochMilli(m.publishedAt())));
            if (m.signatureVersion() != null) {
                field(out, "SignatureVersion", m.signatureVersion());
                field(out, "Signature", signature(m));
                field(out, "SigningCertURL",
                        endpoint + "/SimpleNotificationService-00000000000000000000000000000000.pem");
            }
            out.append(",\n  \"UnsubscribeURL\" : \"");
            head = out.append(escaped(endpoint + "/?Action=Unsubscribe&SubscriptionArn=")).toString();
            StringBuilder rest = new StringBuilder("\"");
            if (!m.attributes().isEmpty()) {
                rest.append(",\n  \"MessageAttributes\" : {");
                boolean first = true;
                for (Map.Entry<String, MessageAttributeValue> e : m.attributes().entrySet()) {
                    MessageAttributeValue v = e.getValue();
                    String value = v.isBinary() ? Base64.getEncoder().encodeToString(v.binaryValue())
                            : v.stringValue();
                    rest.append(first ? "\n    " : ",\n    ").append(quoted(e.getKey())).append(" : {\"Type\":")
                            .append(quoted(v.dataType())).append(",\"Value\":").append(quoted(value)).append('}');
                    first = false;
                }
                rest.append("\n  }");
            }
            tail = rest.append("\n}").toString();
        }

        String forSubscription(String subscriptionArn) {
            return head + escaped(subscriptionArn) + tail;
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(out.length() == 1 ? "\n  " : ",\n  ").append('"').append(name).append("\" : ")
                .append(quoted(value));
    }

    private static String quoted(String text) {
        return '"' + escaped(text) + '"';
    }

    private static String escaped(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /** A stand-in with the length and alphabet of SNS's RSA signature: a digest of the fields SNS signs. */
    private static String signature(PublishedMessage m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String signed = m.messageId() + '\n' + m.sqsMessage() + '\n' + m.topicArn() + '\n' + m.publishedAt();
            byte[] digest = sha.digest(signed.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[256];
            for (int i = 0; i < out.length; i++) {
                out[i] = digest[i % digest.length];
            }
            return Base64.getEncoder().encodeToString(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
