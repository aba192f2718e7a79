package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ferrymq.compat.scenario.ScenarioSupport.RECEIVE_MS;
import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Message types and properties")
@ExtendWith(MatrixRecorder.class)
class MessageTypesTest {
    private static final String UNICODE = "héllo wörld ✓ 日本 😀";
    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < ALL_BYTES.length; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    @DisplayName("every body type round trips: text, bytes, map, stream, object and a bodiless message")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void bodies(Target target) throws Exception {
        Queue q = target.queue(unique("types-body"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);

            p.send(s.createTextMessage(UNICODE));
            p.send(s.createTextMessage(""));
            p.send(s.createTextMessage(null));

            BytesMessage bytes = s.createBytesMessage();
            bytes.writeBoolean(true);
            bytes.writeByte((byte) -7);
            bytes.writeShort((short) -300);
            bytes.writeChar('é');
            bytes.writeInt(Integer.MIN_VALUE);
            bytes.writeLong(Long.MAX_VALUE);
            bytes.writeFloat(1.5f);
            bytes.writeDouble(-0.0);
            bytes.writeUTF(UNICODE);
            bytes.writeBytes(ALL_BYTES);
            p.send(bytes);

            MapMessage map = s.createMapMessage();
            map.setBoolean("boolean", true);
            map.setByte("byte", Byte.MIN_VALUE);
            map.setShort("short", Short.MAX_VALUE);
            map.setChar("char", '✓');
            map.setInt("int", -42);
            map.setLong("long", Long.MIN_VALUE);
            map.setFloat("float", Float.NaN);
            map.setDouble("double", Double.POSITIVE_INFINITY);
            map.setString("string", UNICODE);
            map.setString("null", null);
            map.setBytes("bytes", ALL_BYTES);
            map.setObject("object", 7L);
            p.send(map);

            StreamMessage stream = s.createStreamMessage();
            stream.writeBoolean(false);
            stream.writeByte((byte) 1);
            stream.writeShort((short) 2);
            stream.writeChar('c');
            stream.writeInt(3);
            stream.writeLong(4L);
            stream.writeFloat(5.5f);
            stream.writeDouble(6.25);
            stream.writeString(UNICODE);
            stream.writeString(null);
            stream.writeBytes(ALL_BYTES);
            stream.writeObject(Integer.valueOf(8));
            p.send(stream);

            Map<String, Object> object = new LinkedHashMap<>();
            object.put("list", new ArrayList<>(List.of("a", "b")));
            object.put("number", 3);
            p.send(s.createObjectMessage((Serializable) object));

            Message plain = s.createMessage();
            plain.setStringProperty("only", "properties");
            p.send(plain);

            MessageConsumer consumer = s.createConsumer(q);
            TextMessage text = (TextMessage) consumer.receive(RECEIVE_MS);
            assertThat(text.getText()).isEqualTo(UNICODE);
            assertThat(text.getBody(String.class)).isEqualTo(UNICODE);
            assertThat(((TextMessage) consumer.receive(RECEIVE_MS)).getText()).isEmpty();
            assertThat(((TextMessage) consumer.receive(RECEIVE_MS)).getText()).isNull();

            BytesMessage b = (BytesMessage) consumer.receive(RECEIVE_MS);
            // The body is what java.io.DataOutputStream writes (writeUTF: modified UTF-8 with a length).
            ByteArrayOutputStream expectedBody = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(expectedBody)) {
                out.writeBoolean(true);
                out.writeByte(-7);
                out.writeShort(-300);
                out.writeChar('é');
                out.writeInt(Integer.MIN_VALUE);
                out.writeLong(Long.MAX_VALUE);
                out.writeFloat(1.5f);
                out.writeDouble(-0.0);
                out.writeUTF(UNICODE);
                out.write(ALL_BYTES);
            }
            assertThat(b.getBodyLength()).isEqualTo(expectedBody.size());
            byte[] raw = b.getBody(byte[].class);
            byte[] expectedRaw = expectedBody.toByteArray();
            String trueByte = null;
            if (raw.length > 0 && raw[0] != expectedRaw[0]) {
                // The javadoc of writeBoolean: true is (byte) 1. Artemis's buffers write (byte) -1, which its own
                // readBoolean (any non-zero byte) and DataInputStream read back as true; only raw readers see it.
                assertThat(raw[0]).as("the byte writeBoolean(true) wrote").isEqualTo((byte) -1);
                trueByte = "BytesMessage.writeBoolean(true) writes the byte 0xFF, not 0x01 as the javadoc says "
                        + "(readBoolean still reads true)";
                raw[0] = expectedRaw[0];
            }
            assertThat(raw).isEqualTo(expectedRaw);
            assertThat(b.readBoolean()).isTrue();
            assertThat(b.readByte()).isEqualTo((byte) -7);
            assertThat(b.readShort()).isEqualTo((short) -300);
            assertThat(b.readChar()).isEqualTo('é');
            assertThat(b.readInt()).isEqualTo(Integer.MIN_VALUE);
            assertThat(b.readLong()).isEqualTo(Long.MAX_VALUE);
            assertThat(b.readFloat()).isEqualTo(1.5f);
            assertThat(Double.doubleToRawLongBits(b.readDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(b.readUTF()).isEqualTo(UNICODE);
            byte[] tail = new byte[300];
            assertThat(b.readBytes(tail)).isEqualTo(256);
            assertThat(java.util.Arrays.copyOf(tail, 256)).isEqualTo(ALL_BYTES);

            MapMessage m = (MapMessage) consumer.receive(RECEIVE_MS);
            assertThat(Collections.list(m.getMapNames())).containsExactlyInAnyOrder("boolean", "byte", "short",
                    "char", "int", "long", "float", "double", "string", "null", "bytes", "object");
            assertThat(m.getBoolean("boolean")).isTrue();
            assertThat(m.getByte("byte")).isEqualTo(Byte.MIN_VALUE);
            assertThat(m.getShort("short")).isEqualTo(Short.MAX_VALUE);
            assertThat(m.getChar("char")).isEqualTo('✓');
            assertThat(m.getInt("int")).isEqualTo(-42);
            assertThat(m.getLong("long")).isEqualTo(Long.MIN_VALUE);
            assertThat(m.getFloat("float")).isNaN();
            assertThat(m.getDouble("double")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(m.getString("string")).isEqualTo(UNICODE);
            assertThat(m.getString("null")).isNull();
            assertThat(m.itemExists("null")).isTrue();
            assertThat(m.getBytes("bytes")).isEqualTo(ALL_BYTES);
            assertThat(m.getObject("object")).isEqualTo(7L);

            StreamMessage st = (StreamMessage) consumer.receive(RECEIVE_MS);
            assertThat(st.readBoolean()).isFalse();
            assertThat(st.readByte()).isEqualTo((byte) 1);
            assertThat(st.readShort()).isEqualTo((short) 2);
            assertThat(st.readChar()).isEqualTo('c');
            assertThat(st.readInt()).isEqualTo(3);
            assertThat(st.readLong()).isEqualTo(4L);
            assertThat(st.readFloat()).isEqualTo(5.5f);
            assertThat(st.readDouble()).isEqualTo(6.25);
            assertThat(st.readString()).isEqualTo(UNICODE);
            assertThat(st.readString()).isNull();
            assertThat(st.readObject()).isEqualTo(ALL_BYTES);
            assertThat(st.readObject()).isEqualTo(8);

            ObjectMessage o = (ObjectMessage) consumer.receive(RECEIVE_MS);
            assertThat(o.getObject()).isEqualTo(object);

            Message bodiless = consumer.receive(RECEIVE_MS);
            assertThat(bodiless).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                    StreamMessage.class, ObjectMessage.class);
            assertThat(bodiless.getStringProperty("only")).isEqualTo("properties");
            assertNothingMore(consumer);
            if (trueByte != null) {
                Matrix.differs(target, trueByte);
            }
        }
    }

    @DisplayName("every property type round trips, 16 properties on one message")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void properties(Target target) throws Exception {
        Queue q = target.queue(unique("types-props"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("aBoolean", true);
        expected.put("aByte", (byte) -1);
        expected.put("aShort", (short) 12345);
        expected.put("anInt", Integer.MAX_VALUE);
        expected.put("aLong", Long.MIN_VALUE);
        expected.put("aFloat", 3.25f);
        expected.put("aDouble", Math.PI);
        expected.put("aString", UNICODE);
        expected.put("emptyString", "");
        expected.put("nan", Double.NaN);
        expected.put("negativeZero", -0.0f);
        expected.put("infinity", Double.NEGATIVE_INFINITY);
        expected.put("bigLong", 9_007_199_254_740_993L); // 2^53 + 1: not a double
        expected.put("falseBoolean", false);
        expected.put("objectInt", 99);
        expected.put("name_with_$dollar", "ok");
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message sent = s.createMessage();
            sent.setBooleanProperty("aBoolean", true);
            sent.setByteProperty("aByte", (byte) -1);
            sent.setShortProperty("aShort", (short) 12345);
            sent.setIntProperty("anInt", Integer.MAX_VALUE);
            sent.setLongProperty("aLong", Long.MIN_VALUE);
            sent.setFloatProperty("aFloat", 3.25f);
            sent.setDoubleProperty("aDouble", Math.PI);
            sent.setStringProperty("aString", UNICODE);
            sent.setStringProperty("emptyString", "");
            sent.setDoubleProperty("nan", Double.NaN);
            sent.setFloatProperty("negativeZero", -0.0f);
            sent.setDoubleProperty("infinity", Double.NEGATIVE_INFINITY);
            sent.setLongProperty("bigLong", 9_007_199_254_740_993L);
            sent.setBooleanProperty("falseBoolean", false);
            sent.setObjectProperty("objectInt", 99);
            sent.setStringProperty("name_with_$dollar", "ok");
            s.createProducer(q).send(sent);

            Message got = s.createConsumer(q).receive(RECEIVE_MS);
            assertThat(got).isNotNull();
            assertThat(Collections.list(got.getPropertyNames())).containsAll(expected.keySet());
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                Object value = got.getObjectProperty(e.getKey());
                assertThat(value).as(e.getKey()).isInstanceOf(e.getValue().getClass()).isEqualTo(e.getValue());
            }
            assertThat(Float.floatToRawIntBits(got.getFloatProperty("negativeZero")))
                    .isEqualTo(Float.floatToRawIntBits(-0.0f));
            // The spec's conversions: a byte reads as a long, an int as a String.
            assertThat(got.getLongProperty("aByte")).isEqualTo(-1L);
            assertThat(got.getStringProperty("anInt")).isEqualTo(String.valueOf(Integer.MAX_VALUE));
            assertThat(got.propertyExists("absent")).isFalse();
            assertThat(got.getStringProperty("absent")).isNull();
        }
    }

    @DisplayName("headers round trip: JMSCorrelationID (text and bytes), JMSType, JMSReplyTo, priority, delivery mode")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void headers(Target target) throws Exception {
        Queue q = target.queue(unique("types-headers"));
        Queue replyQueue = target.queue(unique("types-reply"));
        Topic replyTopic = target.topic(unique("types-reply-topic"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue temp = s.createTemporaryQueue();
            MessageProducer p = s.createProducer(q);

            TextMessage first = s.createTextMessage("first");
            first.setJMSCorrelationID("corr-42");
            first.setJMSType("order.v2");
            first.setJMSReplyTo(replyQueue);
            p.send(first, DeliveryMode.NON_PERSISTENT, 7, 0);

            TextMessage second = s.createTextMessage("second");
            second.setJMSCorrelationIDAsBytes(new byte[] {0, 1, 2, (byte) 0xff});
            second.setJMSReplyTo(replyTopic);
            p.send(second, DeliveryMode.PERSISTENT, 0, 60_000);

            TextMessage third = s.createTextMessage("third");
            third.setJMSReplyTo(temp);
            p.send(third); // the defaults: PERSISTENT, 4, no expiry

            // In the order the target delivers them (priority may reorder them), then by text.
            MessageConsumer consumer = s.createConsumer(q);
            Map<String, TextMessage> byText = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                TextMessage m = (TextMessage) consumer.receive(RECEIVE_MS);
                assertThat(m).as("message %d of 3", i + 1).isNotNull();
                byText.put(m.getText(), m);
            }
            assertThat(byText).containsOnlyKeys("first", "second", "third");
            TextMessage a = byText.get("first");
            TextMessage b = byText.get("second");
            TextMessage t = byText.get("third");
            List<TextMessage> got = List.of(a, b, t);

            for (int i = 0; i < 3; i++) {
                TextMessage sentOne = List.of(first, second, third).get(i);
                TextMessage gotOne = got.get(i);
                assertThat(gotOne.getJMSMessageID()).isEqualTo(sentOne.getJMSMessageID()).startsWith("ID:");
                assertThat(gotOne.getJMSTimestamp()).isEqualTo(sentOne.getJMSTimestamp());
                assertThat(gotOne.getJMSExpiration()).isEqualTo(sentOne.getJMSExpiration());
                assertThat(((Queue) gotOne.getJMSDestination()).getQueueName()).isEqualTo(q.getQueueName());
                assertThat(gotOne.getJMSRedelivered()).isFalse();
                assertThat(gotOne.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            }

            assertThat(a.getJMSCorrelationID()).isEqualTo("corr-42");
            assertThat(a.getJMSType()).isEqualTo("order.v2");
            assertThat(a.getJMSReplyTo()).isInstanceOf(Queue.class);
            assertThat(((Queue) a.getJMSReplyTo()).getQueueName()).isEqualTo(replyQueue.getQueueName());
            assertThat(a.getJMSPriority()).isEqualTo(7);
            assertThat(a.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(a.getJMSExpiration()).isZero();

            assertThat(b.getJMSCorrelationIDAsBytes()).isEqualTo(new byte[] {0, 1, 2, (byte) 0xff});
            assertThat(b.getJMSType()).isNull();
            assertThat(b.getJMSReplyTo()).isInstanceOf(Topic.class);
            assertThat(((Topic) b.getJMSReplyTo()).getTopicName()).isEqualTo(replyTopic.getTopicName());
            assertThat(b.getJMSPriority()).isZero();
            assertThat(b.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(b.getJMSExpiration()).isEqualTo(b.getJMSTimestamp() + 60_000);

            assertThat(t.getJMSCorrelationID()).isNull();
            assertThat(t.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class);
            assertThat(((Queue) t.getJMSReplyTo()).getQueueName()).isEqualTo(temp.getQueueName());
            assertThat(t.getJMSPriority()).isEqualTo(4);
            assertThat(t.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        }
    }
}
