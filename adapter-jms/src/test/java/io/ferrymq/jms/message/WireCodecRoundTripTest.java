package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTemporaryQueue;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ferrymq.jms.message.WireFixtures.assertSameHeaders;
import static io.ferrymq.jms.message.WireFixtures.assertSameProperties;
import static io.ferrymq.jms.message.WireFixtures.received;
import static io.ferrymq.jms.message.WireFixtures.roundTrip;
import static io.ferrymq.jms.message.WireFixtures.withEveryHeader;
import static io.ferrymq.jms.message.WireFixtures.withEveryPropertyType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A FerryMessage through encode and decode comes back as it was sent, and its SQS form is one SQS accepts. */
class WireCodecRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode header(EncodedMessage encoded) throws Exception {
        assertThat(encoded.attributes()).containsOnlyKeys(WireCodec.ATTRIBUTE);
        MessageAttributeValue attribute = encoded.attributes().get(WireCodec.ATTRIBUTE);
        assertThat(attribute.dataType()).isEqualTo("String");
        assertThat(SqsText.isValidBody(attribute.stringValue())).as(attribute.stringValue()).isTrue();
        assertThat(SqsText.isValidBody(encoded.body())).as(encoded.body()).isTrue();
        return JSON.readTree(attribute.stringValue());
    }

    private static <M extends FerryMessage> M full(M m) throws JMSException {
        return withEveryHeader(withEveryPropertyType(m));
    }

    private static FerryMessage sentAndReceived(FerryMessage sent) throws Exception {
        header(WireCodec.encode(sent));
        FerryMessage got = roundTrip(sent);
        assertThat(got).hasSameClassAs(sent);
        assertSameHeaders(got, sent);
        assertSameProperties(got, sent);
        assertThat(got.properties().asMap()).hasSizeGreaterThan(10);
        return got;
    }

    @Test
    void aPlainMessageKeepsEveryHeaderAndPropertyType() throws Exception {
        sentAndReceived(full(new FerryMessage()));
    }

    @Test
    void aTextMessageKeepsItsText() throws Exception {
        FerryTextMessage got = (FerryTextMessage) sentAndReceived(full(new FerryTextMessage("hello")));
        assertThat(got.getText()).isEqualTo("hello");
    }

    @Test
    void aBytesMessageKeepsItsBytesAndIsReadableAtOnce() throws Exception {
        FerryBytesMessage sent = full(new FerryBytesMessage());
        sent.writeInt(42);
        sent.writeUTF("ü");
        sent.writeBytes(new byte[]{0, -1, 127});
        FerryBytesMessage got = (FerryBytesMessage) sentAndReceived(sent);
        assertThat(got.getBodyLength()).isEqualTo(4 + 4 + 3);
        assertThat(got.readInt()).isEqualTo(42);
        assertThat(got.readUTF()).isEqualTo("ü");
        byte[] rest = new byte[3];
        assertThat(got.readBytes(rest)).isEqualTo(3);
        assertThat(rest).containsExactly(0, -1, 127);
    }

    @Test
    void aMapMessageKeepsEveryValueWithItsExactType() throws Exception {
        FerryMapMessage sent = full(new FerryMapMessage());
        List<Object> values = List.of(true, (byte) 1, (short) 1, 'c', 1, 1L, 1.0f, 1.0, "1");
        for (int i = 0; i < values.size(); i++) {
            sent.setObject("v" + i, values.get(i));
        }
        sent.setBytes("bytes", new byte[]{1, 2});
        sent.setString("null", null);
        sent.setChar("surrogate", '\uD800');
        FerryMapMessage got = (FerryMapMessage) sentAndReceived(sent);
        for (int i = 0; i < values.size(); i++) {
            assertThat(got.getObject("v" + i)).isEqualTo(values.get(i)).isExactlyInstanceOf(values.get(i).getClass());
        }
        assertThat(got.getBytes("bytes")).containsExactly(1, 2);
        assertThat(got.itemExists("null")).isTrue();
        assertThat(got.getObject("null")).isNull();
        assertThat(got.getChar("surrogate")).isEqualTo('\uD800');
    }

    @Test
    void aStreamMessageKeepsEveryValueInOrderWithItsExactType() throws Exception {
        FerryStreamMessage sent = full(new FerryStreamMessage());
        List<Object> values = new ArrayList<>(List.of(true, (byte) -1, (short) -1, '\uFFFF', -1, -1L, Float.NaN,
                Double.MIN_VALUE, "s"));
        values.add(null);
        for (Object v : values) {
            sent.writeObject(v);
        }
        sent.writeBytes(new byte[]{5, 6});
        FerryStreamMessage got = (FerryStreamMessage) sentAndReceived(sent);
        for (Object v : values) {
            Object read = got.readObject();
            assertThat(read).isEqualTo(v);
            if (v != null) {
                assertThat(read).isExactlyInstanceOf(v.getClass());
            }
        }
        assertThat((byte[]) got.readObject()).containsExactly(5, 6);
    }

    @Test
    void anObjectMessageKeepsItsObject() throws Exception {
        FerryObjectMessage got = (FerryObjectMessage) sentAndReceived(
                full(new FerryObjectMessage(new ArrayList<>(List.of("pi", 3.14159)))));
        assertThat(got.getObject()).isEqualTo(List.of("pi", 3.14159));
    }

    @Test
    void emptyBodiesComeBackEmptyOfTheirKind() throws Exception {
        assertThat(((FerryTextMessage) roundTrip(new FerryTextMessage())).getText()).isNull();
        assertThat(((FerryTextMessage) roundTrip(new FerryTextMessage(""))).getText()).isEmpty();
        assertThat(((FerryBytesMessage) roundTrip(new FerryBytesMessage())).getBodyLength()).isZero();
        assertThat(((FerryMapMessage) roundTrip(new FerryMapMessage())).getMapNames().hasMoreElements()).isFalse();
        FerryStreamMessage stream = (FerryStreamMessage) roundTrip(new FerryStreamMessage());
        assertThatThrownBy(stream::readObject).isInstanceOf(jakarta.jms.MessageEOFException.class);
        assertThat(((FerryObjectMessage) roundTrip(new FerryObjectMessage())).getObject()).isNull();
        assertThat(roundTrip(new FerryMessage())).isExactlyInstanceOf(FerryMessage.class);
    }

    @Test
    void aMessageWithOnlyDefaultsIsSmall() throws Exception {
        EncodedMessage encoded = WireCodec.encode(new FerryMessage());
        assertThat(encoded.body()).isEqualTo(WireCodec.NO_BODY);
        assertThat(encoded.attributes().get(WireCodec.ATTRIBUTE).stringValue()).isEqualTo("{\"k\":\"message\"}");
        FerryMessage got = roundTrip(new FerryMessage());
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(4);
        assertThat(got.getJMSMessageID()).isNull();
        assertThat(got.getJMSTimestamp()).isZero();
        assertThat(encoded.sizeInBytes()).isEqualTo(1 + "ferry.jms".length() + "String".length() + 15);
    }

    @Test
    void aTextSqsAcceptsIsTheBodyItselfSoPlainConsumersReadIt() throws Exception {
        for (String text : List.of("hello", "{\"json\":true}", "Zoë 😀 \t\r\n", "-", "x".repeat(1_048_000))) {
            EncodedMessage encoded = WireCodec.encode(new FerryTextMessage(text));
            assertThat(encoded.body()).isEqualTo(text);
            assertThat(header(encoded).has("b")).isFalse();
            assertThat(((FerryTextMessage) roundTrip(new FerryTextMessage(text))).getText()).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul \u0000 inside", "\u0001", "\uFFFE", "\uFFFF", "bell \u0007", "lone \uD800 high",
            "lone \uDC00 low", "reversed \uDE00\uD83D pair", "\uD83D"})
    void aTextSqsRefusesTravelsEncodedAndComesBackExactly(String text) throws Exception {
        EncodedMessage encoded = WireCodec.encode(new FerryTextMessage(text));
        assertThat(encoded.body()).isNotEqualTo(text);
        assertThat(header(encoded).get("b").textValue()).isIn("utf8", "utf16");
        assertThat(((FerryTextMessage) roundTrip(new FerryTextMessage(text))).getText()).isEqualTo(text);
    }

    @Test
    void aBinaryCorrelationIdStaysBinary() throws Exception {
        FerryMessage sent = new FerryMessage();
        sent.setJMSCorrelationIDAsBytes(new byte[]{0, 1, (byte) 0xFE});
        FerryMessage got = roundTrip(sent);
        assertThat(got.getJMSCorrelationIDAsBytes()).containsExactly(0, 1, 0xFE);
        assertThat(header(WireCodec.encode(sent)).has("cid")).isFalse();
    }

    @Test
    void replyToComesBackAsTheSameKindOfDestination() throws Exception {
        FerryMessage sent = new FerryMessage();
        sent.setJMSReplyTo(new FerryQueue("orders"));
        assertThat(roundTrip(sent).getJMSReplyTo()).isEqualTo(new FerryQueue("orders"));
        sent.setJMSReplyTo(io.ferrymq.jms.FerryDestination.fromWireName("temp-queue://t1"));
        assertThat(roundTrip(sent).getJMSReplyTo()).isInstanceOf(FerryTemporaryQueue.class);
        Queue foreign = () -> "elsewhere";
        sent.setJMSReplyTo(foreign);
        assertThat(roundTrip(sent).getJMSReplyTo()).isEqualTo(new FerryQueue("elsewhere"));
    }

    @Test
    void aDecodedMessageIsReadOnlyAndCountsItsDeliveries() throws Exception {
        FerryTextMessage sent = new FerryTextMessage("x");
        sent.setIntProperty("JMSXDeliveryCount", 7); // a forwarded message's stale count does not travel
        EncodedMessage encoded = WireCodec.encode(sent);
        assertThat(header(encoded).has("p")).isFalse();

        FerryTextMessage first = (FerryTextMessage) WireCodec.decode(received(encoded,
                "ApproximateReceiveCount", "1"), false);
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThatThrownBy(() -> first.setText("y")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> first.setIntProperty("p", 1)).isInstanceOf(MessageNotWriteableException.class);

        FerryMessage third = WireCodec.decode(received(encoded, "ApproximateReceiveCount", "3"), false);
        assertThat(third.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(third.getJMSRedelivered()).isTrue();

        FerryMessage uncounted = WireCodec.decode(received(encoded), false);
        assertThat(uncounted.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(uncounted.getJMSRedelivered()).isFalse();
    }

    @Test
    void theHeaderAttributeNamesFieldsCompactly() throws Exception {
        JsonNode header = header(WireCodec.encode(full(new FerryTextMessage("t"))));
        assertThat(header.get("k").textValue()).isEqualTo("text");
        assertThat(header.get("id").textValue()).isEqualTo("ID:6d3c4d2e-0001");
        assertThat(header.get("ts").longValue()).isEqualTo(1_700_000_000_123L);
        assertThat(header.get("cid").textValue()).isEqualTo("corr-1");
        assertThat(header.get("rt").textValue()).isEqualTo("temp-queue://replies-7");
        assertThat(header.get("ty").textValue()).isEqualTo("quote");
        assertThat(header.get("dm").intValue()).isEqualTo(1);
        assertThat(header.get("pr").intValue()).isEqualTo(9);
        assertThat(header.get("ex").longValue()).isEqualTo(1_700_000_060_000L);
        assertThat(header.get("dt").longValue()).isEqualTo(1_700_000_001_000L);
        assertThat(header.get("oc").textValue()).isEqualTo("conn-42");
        JsonNode p = header.get("p");
        assertThat(p.get("flag").booleanValue()).isTrue();
        assertThat(p.get("count").isInt()).isTrue();
        assertThat(p.get("small").toString()).isEqualTo("[\"b\",-128]");
        assertThat(p.get("medium").toString()).isEqualTo("[\"s\",32767]");
        assertThat(p.get("big").toString()).isEqualTo("[\"l\",9223372036854775807]");
        assertThat(p.get("ratio").toString()).isEqualTo("[\"f\",\"-0.0\"]");
        assertThat(p.get("nothing").toString()).isEqualTo("[\"d\",\"NaN\"]");
        assertThat(p.get("absent").isNull()).isTrue();
    }

    @Test
    void theSqsFormEscapesWhatSqsRefusesAndNothingElse() throws Exception {
        FerryMessage m = new FerryMessage();
        m.setStringProperty("s", "é😀\uFFFE\uD800");
        String attribute = WireCodec.encode(m).attributes().get(WireCodec.ATTRIBUTE).stringValue();
        assertThat(attribute).contains("é").contains("\\uD83D\\uDE00").contains("\\uFFFE").contains("\\uD800");
        assertThat(SqsText.isValidBody(attribute)).isTrue();
    }

    @Test
    void encodedSizeCountsBodyAndAttributeAsSqsDoes() throws Exception {
        EncodedMessage encoded = WireCodec.encode(new FerryTextMessage("é"));
        String header = encoded.attributes().get(WireCodec.ATTRIBUTE).stringValue();
        assertThat(encoded.sizeInBytes()).isEqualTo(2 + 9 + 6 + header.length());
        assertThat(encoded.attributes()).isEqualTo(Map.of(WireCodec.ATTRIBUTE, MessageAttributeValue.string(header)));
    }
}
