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
            out.writeInt(m.attributes.size());
            for (Map.Entry<String, MessageAttributeValue> a : m.attributes.entrySet()) {
                MessageAttributeValue v = a.getValue();
                string(out, a.getKey());
                string(out, v.dataType());
                out.writeBoolean(v.isBinary());
                bytes(out, v.isBinary() ? v.binaryValue() : v.stringValue().getBytes(StandardCharsets.UTF_8));
            }
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
