package io.ferrymq.jms.message;

import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.jms.FerryDestination;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages to encode and the SQS messages a receive would return for them. */
final class WireFixtures {
    private WireFixtures() {
    }

    /** The SQS message a receive returns for this body and these attributes, with system attributes as pairs. */
    static Message received(String body, Map<String, MessageAttributeValue> attributes, String... system) {
        Map<String, String> systemAttributes = new LinkedHashMap<>();
        for (int i = 0; i < system.length; i += 2) {
            systemAttributes.put(system[i], system[i + 1]);
        }
        return new Message("5fea7756-0ea4-451a-a703-a558b933e274", "receipt", "md5", body, systemAttributes, "md5",
                attributes);
    }

    static Message received(EncodedMessage encoded, String... system) {
        return received(encoded.body(), encoded.attributes(), system);
    }

    /** Encodes, then decodes as a first receive would. */
    static FerryMessage roundTrip(FerryMessage m) throws JMSException {
        return WireCodec.decode(received(WireCodec.encode(m), "ApproximateReceiveCount", "1"), false);
    }

    /** Fourteen properties: every type, edge values, a null, JMSX ones and text SQS would refuse raw. */
    static <M extends FerryMessage> M withEveryPropertyType(M m) throws JMSException {
        m.setBooleanProperty("flag", true);
        m.setByteProperty("small", Byte.MIN_VALUE);
        m.setShortProperty("medium", Short.MAX_VALUE);
        m.setIntProperty("count", Integer.MIN_VALUE);
        m.setLongProperty("big", Long.MAX_VALUE);
        m.setFloatProperty("ratio", -0.0f);
        m.setDoubleProperty("pi", Math.PI);
        m.setDoubleProperty("nothing", Double.NaN);
        m.setFloatProperty("far", Float.NEGATIVE_INFINITY);
        m.setStringProperty("name", "Zoë 😀 \"quoted\" \u0000\u0001\uFFFE\uD800 end");
        m.setStringProperty("absent", null);
        m.setStringProperty("JMSXGroupID", "group-1");
        m.setIntProperty("JMSXGroupSeq", 3);
        m.setObjectProperty("prix€", 1.5);
        return m;
    }

    static <M extends FerryMessage> M withEveryHeader(M m) throws JMSException {
        m.setJMSMessageID("ID:6d3c4d2e-0001");
        m.setJMSTimestamp(1_700_000_000_123L);
        m.setJMSCorrelationID("corr-1");
        m.setJMSReplyTo(FerryDestination.fromWireName("temp-queue://replies-7"));
        m.setJMSType("quote");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(9);
        m.setJMSExpiration(1_700_000_060_000L);
        m.setJMSDeliveryTime(1_700_000_001_000L);
        m.setOriginConnectionId("conn-42");
        return m;
    }

    static void assertSameHeaders(FerryMessage actual, FerryMessage expected) {
        assertThat(actual.getJMSMessageID()).isEqualTo(expected.getJMSMessageID());
        assertThat(actual.getJMSTimestamp()).isEqualTo(expected.getJMSTimestamp());
        assertThat(actual.getJMSCorrelationID()).isEqualTo(expected.getJMSCorrelationID());
        assertThat(actual.getJMSCorrelationIDAsBytes()).isEqualTo(expected.getJMSCorrelationIDAsBytes());
        assertThat(actual.getJMSReplyTo()).isEqualTo(expected.getJMSReplyTo());
        if (expected.getJMSReplyTo() != null) {
            assertThat(actual.getJMSReplyTo()).hasSameClassAs(expected.getJMSReplyTo());
        }
        assertThat(actual.getJMSType()).isEqualTo(expected.getJMSType());
        assertThat(actual.getJMSDeliveryMode()).isEqualTo(expected.getJMSDeliveryMode());
        assertThat(actual.getJMSPriority()).isEqualTo(expected.getJMSPriority());
        assertThat(actual.getJMSExpiration()).isEqualTo(expected.getJMSExpiration());
        assertThat(actual.getJMSDeliveryTime()).isEqualTo(expected.getJMSDeliveryTime());
        assertThat(actual.getOriginConnectionId()).isEqualTo(expected.getOriginConnectionId());
    }

    /** Same names in the same order, same values of the same classes; JMSXDeliveryCount is the receiver's. */
    static void assertSameProperties(FerryMessage actual, FerryMessage expected) {
        Map<String, Object> got = new LinkedHashMap<>(actual.properties().asMap());
        got.remove("JMSXDeliveryCount");
        Map<String, Object> want = expected.properties().asMap();
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        want.forEach((name, value) -> {
            assertThat(got.get(name)).as(name).isEqualTo(value);
            if (value != null) {
                assertThat(got.get(name)).as(name).isExactlyInstanceOf(value.getClass());
            }
        });
        assertThat(Collections.list(actual.getPropertyNames())).containsAll(want.keySet());
    }
}
