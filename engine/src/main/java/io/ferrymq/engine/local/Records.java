package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal's record types and their binary forms. A message record carries the content and the state at the time
 * of writing; a lease record is a later state of the same message (receive count, first receive, deadline, receipt).
 * Versioned by a leading byte so later releases can read older journals.
 */
final class Records {
    static final byte QUEUE = 1;
    static final byte MESSAGE = 2;
    static final byte LEASE = 3;
    static final byte TOPIC = 4;
    static final byte SUBSCRIPTION = 5;
    static final byte DEDUPLICATION = 6;
    static final byte ARCHIVED = 7;
    static final byte MOVE_TASK = 8;
    private static final byte VERSION = 1;

    private Records() {
    }

    /** A queue: its name, incarnation, creation time, settings and tags. */
    record QueueRecord(String name, long incarnation, boolean fifo, long createdAt, Map<String, String> settings,
                       Map<String, String> tags) {
    }

    static byte[] queue(QueueRecord q) {
        return write(out -> {
            out.writeByte(VERSION);
            string(out, q.name());
            out.writeLong(q.incarnation());
            out.writeBoolean(q.fifo());
            out.writeLong(q.createdAt());
            map(out, q.settings());
            map(out, q.tags());
        });
    }

    static QueueRecord queue(byte[] data) {
        return read(data, in -> {
            in.readByte();
            return new QueueRecord(string(in), in.readLong(), in.readBoolean(), in.readLong(), map(in), map(in));
        });
    }

    static byte[] message(long queueRecordId, StoredMessage m) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeLong(queueRecordId);
            string(out, m.id);
            string(out, m.body);
            attributes(out, m.attributes);
            string(out, m.traceHeader);
            string(out, m.md5OfBody);
            string(out, m.md5OfAttributes);
            string(out, m.md5OfSystemAttributes);
            out.writeLong(m.sentAt);
            string(out, m.groupId);
            string(out, m.deduplicationId);
            string(out, m.sequenceNumber);
            string(out, m.deadLetterSourceArn);
            string(out, m.senderId);
            leaseState(out, m);
        });
    }

    /** A message as its record describes it, and the queue record it belongs to. */
    record MessageRecord(long queueRecordId, StoredMessage message) {
    }

    static MessageRecord message(byte[] data) {
        return read(data, in -> {
            in.readByte();
            long queueRecordId = in.readLong();
            String id = string(in);
            String body = string(in);
            Map<String, MessageAttributeValue> attributes = attributes(in);
            StoredMessage m = new StoredMessage(id, body, attributes, string(in), string(in), string(in), string(in),
                    in.readLong(), string(in), string(in), string(in), string(in), string(in));
            readLeaseState(in, m);
            return new MessageRecord(queueRecordId, m);
        });
    }

    static byte[] lease(StoredMessage m) {
        return write(out -> {
            out.writeByte(VERSION);
            leaseState(out, m);
        });
    }

    /** Applies a lease record to the message it updates. */
    static void applyLease(byte[] data, StoredMessage m) {
        read(data, in -> {
            in.readByte();
            readLeaseState(in, m);
            return null;
        });
    }

    private static void leaseState(DataOutputStream out, StoredMessage m) throws IOException {
        out.writeInt(m.receiveCount);
        out.writeLong(m.firstReceiveAt);
        out.writeLong(m.visibleAt);
        out.writeLong(m.leaseStartedAt);
        out.writeLong(m.receiveSerial);
    }

    private static void readLeaseState(DataInputStream in, StoredMessage m) throws IOException {
        m.receiveCount = in.readInt();
        m.firstReceiveAt = in.readLong();
        m.visibleAt = in.readLong();
        m.leaseStartedAt = in.readLong();
        m.receiveSerial = in.readLong();
    }

    /** A topic: its name, settings, tags and when its archive began. */
    record TopicRecord(String name, boolean fifo, Map<String, String> settings, Map<String, String> tags,
                       long beginningArchiveTime) {
    }

    static byte[] topic(TopicRecord t) {
        return write(out -> {
            out.writeByte(VERSION);
            string(out, t.name());
            out.writeBoolean(t.fifo());
            map(out, t.settings());
            map(out, t.tags());
            out.writeLong(t.beginningArchiveTime());
        });
    }

    static TopicRecord topic(byte[] data) {
        return read(data, in -> {
            in.readByte();
            return new TopicRecord(string(in), in.readBoolean(), map(in), map(in), in.readLong());
        });
    }

    /** A subscription: its ARN, topic, endpoint, owner, settable attributes and replay status. */
    record SubscriptionRecord(String arn, String topicArn, String endpoint, String owner, Map<String, String> settable,
                              String replayStatus) {
    }

    static byte[] subscription(SubscriptionRecord s) {
        return write(out -> {
            out.writeByte(VERSION);
            string(out, s.arn());
            string(out, s.topicArn());
            string(out, s.endpoint());
            string(out, s.owner());
            map(out, s.settable());
            string(out, s.replayStatus());
        });
    }

    static SubscriptionRecord subscription(byte[] data) {
        return read(data, in -> {
            in.readByte();
            return new SubscriptionRecord(string(in), string(in), string(in), string(in), map(in), string(in));
        });
    }

    /** A deduplication entry of a FIFO queue or topic (its owner's record id): key, expiry, and what it answered. */
    record DeduplicationRecord(long ownerRecordId, String key, long expiresAt, String messageId, String sequenceNumber) {
    }

    static byte[] deduplication(DeduplicationRecord d) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeLong(d.ownerRecordId());
            string(out, d.key());
            out.writeLong(d.expiresAt());
            string(out, d.messageId());
            string(out, d.sequenceNumber());
        });
    }

    static DeduplicationRecord deduplication(byte[] data) {
        return read(data, in -> {
            in.readByte();
            return new DeduplicationRecord(in.readLong(), string(in), in.readLong(), string(in), string(in));
        });
    }

    /** A message a FIFO topic keeps in its archive for replay. */
    record ArchivedRecord(long topicRecordId, PublishedMessage message) {
    }

    static byte[] archived(long topicRecordId, PublishedMessage m) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeLong(topicRecordId);
            string(out, m.messageId());
            string(out, m.topicArn());
            string(out, m.sqsMessage());
            string(out, m.subject());
            attributes(out, m.attributes());
            string(out, m.groupId());
            string(out, m.deduplicationId());
            string(out, m.sequenceNumber());
            out.writeLong(m.publishedAt());
            string(out, m.signatureVersion());
        });
    }

    static ArchivedRecord archived(byte[] data) {
        return read(data, in -> {
            in.readByte();
            long topicRecordId = in.readLong();
            String id = string(in);
            String topicArn = string(in);
            String message = string(in);
            String subject = string(in);
            Map<String, MessageAttributeValue> attributes = attributes(in);
            PublishedMessage m = new PublishedMessage(id, topicArn, message, subject, attributes,
                    PublishValidation.attributeEvent(attributes), string(in), string(in), string(in), in.readLong(),
                    string(in));
            return new ArchivedRecord(topicRecordId, m);
        });
    }

    /** A message move task: what it moves where, at what rate, and how far it got. Rate 0: no limit. */
    record MoveTaskRecord(String id, String sourceArn, String destinationArn, int rate, long startedAt, long toMove,
                          long moved, String status, String failureReason) {
    }

    static byte[] moveTask(MoveTaskRecord t) {
        return write(out -> {
            out.writeByte(VERSION);
            string(out, t.id());
            string(out, t.sourceArn());
            string(out, t.destinationArn());
            out.writeInt(t.rate());
            out.writeLong(t.startedAt());
            out.writeLong(t.toMove());
            out.writeLong(t.moved());
            string(out, t.status());
            string(out, t.failureReason());
        });
    }

    static MoveTaskRecord moveTask(byte[] data) {
        return read(data, in -> {
            in.readByte();
            return new MoveTaskRecord(string(in), string(in), string(in), in.readInt(), in.readLong(), in.readLong(),
                    in.readLong(), string(in), string(in));
        });
    }

    // ---- primitives ----

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] data, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("a journal record could not be read", e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = bytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void attributes(DataOutputStream out, Map<String, MessageAttributeValue> attributes)
            throws IOException {
        out.writeInt(attributes.size());
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            MessageAttributeValue v = a.getValue();
            string(out, a.getKey());
            string(out, v.dataType());
            out.writeBoolean(v.isBinary());
            bytes(out, v.isBinary() ? v.binaryValue() : v.stringValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, MessageAttributeValue> attributes(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, MessageAttributeValue> attributes = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = string(in);
            String type = string(in);
            boolean binary = in.readBoolean();
            byte[] value = bytes(in);
            attributes.put(name, binary ? new MessageAttributeValue(type, null, value)
                    : new MessageAttributeValue(type, new String(value, StandardCharsets.UTF_8), null));
        }
        return attributes;
    }

    private static void map(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(string(in), string(in));
        }
        return m;
    }
}
