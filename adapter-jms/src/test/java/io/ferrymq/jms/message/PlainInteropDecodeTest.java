package io.ferrymq.jms.message;

import io.ferrymq.engine.sqs.MessageAttributeValue;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static io.ferrymq.jms.message.WireFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Messages from producers that are not FerryMQ JMS: plain SQS bodies and attributes, and damaged ferry.jms. */
class PlainInteropDecodeTest {
    private static MessageAttributeValue attribute(String type, String value) {
        return new MessageAttributeValue(type, value, null);
    }

    private static FerryMessage decodePlain(Map<String, MessageAttributeValue> attributes) {
        return WireCodec.decode(received("body", attributes), false);
    }

    private static Object propertyFrom(String type, String value) {
        return decodePlain(Map.of("a", attribute(type, value))).getObjectProperty("a");
    }

    @Test
    void aPlainMessageIsATextMessageWithSqsIdsAndTimes() throws JMSException {
        FerryMessage m = WireCodec.decode(received("{\"order\":1}", Map.of(), "SentTimestamp", "1700000000123",
                "ApproximateReceiveCount", "2", "MessageGroupId", "g-1"), false);
        assertThat(m).isExactlyInstanceOf(FerryTextMessage.class);
        assertThat(((FerryTextMessage) m).getText()).isEqualTo("{\"order\":1}");
        assertThat(m.getJMSMessageID()).isEqualTo("ID:5fea7756-0ea4-451a-a703-a558b933e274");
        assertThat(m.getJMSTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("g-1");
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(4);
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSReplyTo()).isNull();
        assertThat(m.getJMSDestination()).isNull();
        assertThatThrownBy(() -> ((FerryTextMessage) m).setText("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.setIntProperty("x", 1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void stringAttributesOfAnyCustomTypeAreStrings() {
        assertThat(propertyFrom("String", "abc")).isEqualTo("abc");
        assertThat(propertyFrom("String.json", "{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(propertyFrom("String.Array", "[\"a\",1]")).isEqualTo("[\"a\",1]");
        assertThat(propertyFrom("String", "42")).isEqualTo("42");
    }

    @ParameterizedTest
    @CsvSource({
            "Number, 42, java.lang.Integer, 42",
            "Number, -2147483648, java.lang.Integer, -2147483648",
            "Number, 2147483648, java.lang.Long, 2147483648",
            "Number, +007, java.lang.Integer, 7",
            "Number, ' 12 ', java.lang.Integer, 12",
            "Number, 9223372036854775807, java.lang.Long, 9223372036854775807",
            "Number, 9223372036854775808, java.lang.Double, 9.223372036854776E18",
            "Number, 2.50, java.lang.Double, 2.5",
            "Number, 2.00, java.lang.Double, 2.0",
            "Number, 1e3, java.lang.Double, 1000.0",
            "Number, -0.000001, java.lang.Double, -1.0E-6",
            "Number.custom, 5, java.lang.Integer, 5",
            "Number.int, 5, java.lang.Integer, 5",
            "Number.INT, 5, java.lang.Integer, 5",
            "Number.long, 5, java.lang.Long, 5",
            "Number.short, 5, java.lang.Short, 5",
            "Number.byte, 5, java.lang.Byte, 5",
            "Number.float, 1.5, java.lang.Float, 1.5",
            "Number.double, 1, java.lang.Double, 1.0",
            "Number.Boolean, 1, java.lang.Boolean, true",
            "Number.Boolean, 0, java.lang.Boolean, false",
            "Number.int, 3.5, java.lang.Double, 3.5",
            "Number.float, 1e50, java.lang.Double, 1.0E50",
            "Number.byte, 300, java.lang.Integer, 300",
            "Number.Boolean, 7, java.lang.Integer, 7",
            "Number, abc, java.lang.String, abc",
            "Number, NaN, java.lang.String, NaN",
            "Number.int, '', java.lang.String, ''",
    })
    void numberAttributesBecomeTheNarrowestFittingTypeOrTheirHint(String type, String value, String javaType,
                                                                  String expected) throws Exception {
        Object property = propertyFrom(type, value);
        assertThat(property).isExactlyInstanceOf(Class.forName(javaType));
        assertThat(String.valueOf(property)).isEqualTo(expected);
    }

    @Test
    void aWholeNumberReadsWithGetIntAndADecimalWithGetDouble() throws JMSException {
        FerryMessage m = decodePlain(Map.of("qty", attribute("Number", "3"), "price", attribute("Number", "2.00")));
        assertThat(m.getIntProperty("qty")).isEqualTo(3);
        assertThat(m.getLongProperty("qty")).isEqualTo(3L);
        assertThat(m.getDoubleProperty("price")).isEqualTo(2.0);
    }

    @Test
    void binaryAttributesAreSkippedSinceNoPropertyHoldsBytes() {
        FerryMessage m = decodePlain(Map.of("raw", MessageAttributeValue.binary(new byte[]{1}),
                "custom", new MessageAttributeValue("Binary.gzip", null, new byte[]{2}),
                "kept", attribute("String", "k")));
        assertThat(Collections.list(m.getPropertyNames())).containsExactly("kept");
    }

    @Test
    void attributesWithoutAUsableValueAreSkippedAndUnknownTypesKeptAsText() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("noValue", attribute("String", null));
        attributes.put("noNumber", attribute("Number", null));
        attributes.put("noType", attribute(null, "t"));
        attributes.put("oddType", attribute("Date", "2024-01-01"));
        attributes.put("binaryWithText", new MessageAttributeValue("Binary", "text", null));
        FerryMessage m = decodePlain(attributes);
        assertThat(m.properties().asMap()).containsExactly(Map.entry("noType", "t"),
                Map.entry("oddType", "2024-01-01"));
    }

    @Test
    void namesThatAreNotJmsIdentifiersAreReadableAndListed() throws JMSException {
        FerryMessage m = decodePlain(Map.of("trace-id", attribute("String", "t1"), "my.attr", attribute("Number", "1"),
                "AND", attribute("String", "x")));
        assertThat(m.getStringProperty("trace-id")).isEqualTo("t1");
        assertThat(m.getIntProperty("my.attr")).isEqualTo(1);
        assertThat(m.getObjectProperty("AND")).isEqualTo("x");
        assertThat(Collections.list(m.getPropertyNames())).containsExactly("AND", "my.attr", "trace-id");
    }

    @Test
    void moreThanTenAttributesAllArrive() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            attributes.put("a" + i, MessageAttributeValue.number(i));
        }
        assertThat(decodePlain(attributes).properties().asMap()).hasSize(25).containsEntry("a24", 24);
    }

    @Test
    void missingOrJunkSystemAttributesLeaveDefaults() {
        FerryMessage m = WireCodec.decode(received("b", Map.of(), "SentTimestamp", "yesterday",
                "ApproximateReceiveCount", "many"), false);
        assertThat(m.getJMSTimestamp()).isZero();
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(m.getJMSRedelivered()).isFalse();
        FerryMessage none = WireCodec.decode(received(null, Map.of()), false);
        assertThat(none).isInstanceOf(FerryTextMessage.class);
        assertThat(none.propertyExists("JMSXGroupID")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "{}", "null", "{\"k\":1}", "{\"k\":\"nope\"}",
            "{\"k\":\"text\",\"b\":\"odd\"}", "{\"k\":\"bytes\"}", "{\"k\":\"map\",\"b\":\"none\"}",
            "{\"k\":\"stream\"}", "{\"k\":\"object\"}", "{\"k\":\"message\",\"b\":\"none\"}",
            "{\"k\":\"bytes\",\"b\":\"utf8\"}", "{\"k\":\"text\",\"b\":\"utf8\"}",
            "{\"k\":\"text\",\"b\":\"utf16\"}", "{\"k\":\"text\",\"p\":[]}",
            "{\"k\":\"text\",\"p\":{\"x\":[\"q\",1]}}", "{\"k\":\"text\",\"p\":{\"x\":[\"c\",\"a\"]}}",
            "{\"k\":\"text\",\"p\":{\"x\":[\"B\",\"AA==\"]}}", "{\"k\":\"text\",\"p\":{\"x\":[\"b\",300]}}",
            "{\"k\":\"text\",\"p\":{\"x\":1.5}}", "{\"k\":\"text\",\"p\":{\"x\":[\"l\",\"1\"]}}",
            "{\"k\":\"text\",\"p\":{\"x\":{}}}", "{\"k\":\"text\",\"p\":{\"x\":12345678901}}",
            "{\"k\":\"text\",\"rt\":\"bogus\"}", "{\"k\":\"text\",\"rt\":\"mars://x\"}",
            "{\"k\":\"text\",\"pr\":\"high\"}", "{\"k\":\"text\",\"ts\":1.5}",
            "{\"k\":\"text\",\"dm\":12345678901}", "{\"k\":\"text\",\"cidb\":\"%%\"}",
            "{\"k\":\"text\",\"id\":7}", "{\"k\":\"text\"", "{\"k\":\"text\"} trailing"})
    void aDamagedFerryAttributeReadsAsAPlainMessageKeepingItsText(String damaged) {
        FerryMessage m = WireCodec.decode(received("{\"payload\":true}", Map.of(WireCodec.ATTRIBUTE,
                MessageAttributeValue.string(damaged)), "ApproximateReceiveCount", "1"), false);
        assertThat(m).isExactlyInstanceOf(FerryTextMessage.class);
        assertThat(((FerryTextMessage) m).getText()).isEqualTo("{\"payload\":true}");
        assertThat(m.getObjectProperty(WireCodec.ATTRIBUTE)).isEqualTo(damaged);
        assertThat(m.getObjectProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void aFerryAttributeOfAnotherTypeIsNotTrusted() {
        FerryMessage number = decodePlain(Map.of(WireCodec.ATTRIBUTE, attribute("Number", "1")));
        assertThat(number.getObjectProperty(WireCodec.ATTRIBUTE)).isEqualTo(1);
        FerryMessage binary = decodePlain(Map.of(WireCodec.ATTRIBUTE,
                new MessageAttributeValue("Binary", null, "{\"k\":\"map\"}".getBytes())));
        assertThat(binary).isExactlyInstanceOf(FerryTextMessage.class);
        assertThat(binary.propertyExists(WireCodec.ATTRIBUTE)).isFalse();
    }

    @Test
    void aWellFormedAttributeWithACustomStringTypeIsStillOurs() throws JMSException {
        FerryMessage m = decodePlain(Map.of(WireCodec.ATTRIBUTE, attribute("String.ferry", "{\"k\":\"message\"}")));
        assertThat(m).isExactlyInstanceOf(FerryMessage.class);
        assertThat(m.propertyExists(WireCodec.ATTRIBUTE)).isFalse();
        assertThat(m.getJMSMessageID()).isNull();
    }

    @Test
    void unknownFieldsInTheFerryAttributeAreIgnoredForLaterVersions() throws JMSException {
        FerryMessage m = decodePlain(Map.of(WireCodec.ATTRIBUTE,
                attribute("String", "{\"k\":\"text\",\"future\":{\"x\":1},\"p\":{\"a\":1}}")));
        assertThat(((FerryTextMessage) m).getText()).isEqualTo("body");
        assertThat(m.getIntProperty("a")).isEqualTo(1);
    }

    @Test
    void decodeNeverThrowsWhateverTheHeaderAndBodyAre() throws JMSException {
        FerryStreamMessage stream = WireFixtures.withEveryHeader(WireFixtures.withEveryPropertyType(
                new FerryStreamMessage()));
        stream.writeBytes(new byte[]{1, 2});
        stream.writeChar('c');
        EncodedMessage valid = WireCodec.encode(stream);
        String header = valid.attributes().get(WireCodec.ATTRIBUTE).stringValue();
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            String damagedHeader = damage(header, random);
            String damagedBody = random.nextBoolean() ? valid.body() : damage(valid.body(), random);
            Map<String, MessageAttributeValue> attributes =
                    Map.of(WireCodec.ATTRIBUTE, MessageAttributeValue.string(damagedHeader));
            FerryMessage m = WireCodec.decode(received(damagedBody, attributes, "ApproximateReceiveCount", "1"),
                    random.nextBoolean());
            assertThat(m).isNotNull();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    /** The text cut short, or with a few characters replaced by JSON punctuation or random ones. */
    private static String damage(String text, Random random) {
        if (random.nextInt(4) == 0) {
            return text.substring(0, random.nextInt(text.length()));
        }
        StringBuilder out = new StringBuilder(text);
        String punctuation = "{}[]\",:0-.e\\ntfu";
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(out.length());
            out.setCharAt(at, random.nextBoolean() ? punctuation.charAt(random.nextInt(punctuation.length()))
                    : (char) random.nextInt(0x10000));
        }
        return out.toString();
    }
}
