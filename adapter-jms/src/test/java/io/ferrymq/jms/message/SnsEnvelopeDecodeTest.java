package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;

import static io.ferrymq.jms.message.WireFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

/** Envelopes as SNS writes them, and bodies that only look like one. */
class SnsEnvelopeDecodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notification with SNS's fields, in SNS's order. */
    private static ObjectNode envelope(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Type", "Notification");
        n.put("MessageId", "a1b2c3d4-0000-4000-8000-000000000001");
        n.put("TopicArn", "arn:aws:sns:us-east-1:000000000000:prices");
        n.put("Message", message);
        n.put("Timestamp", "2024-05-01T12:00:00.250Z");
        n.put("SignatureVersion", "1");
        n.put("Signature", "c2ln");
        n.put("SigningCertURL", "http://localhost:9324/SimpleNotificationService-0.pem");
        n.put("UnsubscribeURL", "http://localhost:9324/?Action=Unsubscribe&SubscriptionArn=x");
        return n;
    }

    private static void attribute(ObjectNode envelope, String name, String type, String value) {
        ObjectNode a = envelope.withObjectProperty("MessageAttributes").putObject(name);
        a.put("Type", type);
        a.put("Value", value);
    }

    private static FerryMessage decode(ObjectNode envelope, Map<String, MessageAttributeValue> sqsAttributes) {
        return WireCodec.decode(received(envelope.toString(), sqsAttributes, "SentTimestamp", "1"), true);
    }

    @Test
    void thePublishedBodyAttributesIdAndTimeAreTheMessages() throws JMSException {
        ObjectNode n = envelope("{\"price\":1}");
        attribute(n, "symbol", "String", "ACME");
        attribute(n, "qty", "Number", "10");
        attribute(n, "tags", "String.Array", "[\"a\"]");
        attribute(n, "raw", "Binary", Base64.getEncoder().encodeToString(new byte[]{1}));
        FerryMessage m = decode(n, Map.of("ignored", MessageAttributeValue.string("sqs-level")));
        assertThat(((FerryTextMessage) m).getText()).isEqualTo("{\"price\":1}");
        assertThat(m.getJMSMessageID()).isEqualTo("ID:a1b2c3d4-0000-4000-8000-000000000001");
        assertThat(m.getJMSTimestamp()).isEqualTo(1_714_564_800_250L);
        assertThat(m.getStringProperty("symbol")).isEqualTo("ACME");
        assertThat(m.getIntProperty("qty")).isEqualTo(10);
        assertThat(m.getStringProperty("tags")).isEqualTo("[\"a\"]");
        assertThat(Collections.list(m.getPropertyNames())).containsExactlyInAnyOrder("symbol", "qty", "tags");
    }

    @Test
    void aFerryMessageInsideAnEnvelopeComesBackExactly() throws JMSException {
        FerryMapMessage sent = WireFixtures.withEveryHeader(new FerryMapMessage());
        sent.setFloat("f", 2.5f);
        EncodedMessage encoded = WireCodec.encode(sent);
        ObjectNode n = envelope(encoded.body());
        attribute(n, WireCodec.ATTRIBUTE, "String", encoded.attributes().get(WireCodec.ATTRIBUTE).stringValue());
        FerryMapMessage got = (FerryMapMessage) decode(n, Map.of());
        assertThat(got.getObject("f")).isEqualTo(2.5f);
        WireFixtures.assertSameHeaders(got, sent);
    }

    @Test
    void badBase64OrIncompleteAttributesAreDropped() {
        ObjectNode n = envelope("m");
        attribute(n, "bad", "Binary", "%%%");
        n.withObjectProperty("MessageAttributes").putObject("noValue").put("Type", "String");
        n.withObjectProperty("MessageAttributes").put("notAnObject", 1);
        attribute(n, "ok", "String", "yes");
        assertThat(decode(n, Map.of()).properties().asMap()).containsOnlyKeys("ok");
    }

    @Test
    void aJunkTimestampFallsBackToSentTimestampAndAMissingIdToTheSqsOne() {
        ObjectNode n = envelope("m");
        n.put("Timestamp", "yesterday");
        n.remove("MessageId");
        FerryMessage m = decode(n, Map.of());
        assertThat(m.getJMSTimestamp()).isEqualTo(1);
        assertThat(m.getJMSMessageID()).isEqualTo("ID:5fea7756-0ea4-451a-a703-a558b933e274");
    }

    @Test
    void aBodyThatIsNotANotificationIsReadAsItIs() {
        ObjectNode confirmation = envelope("You have chosen to subscribe");
        confirmation.put("Type", "SubscriptionConfirmation");
        ObjectNode noMessage = envelope("x");
        noMessage.remove("Message");
        ObjectNode numericMessage = envelope("x");
        numericMessage.put("Message", 5);
        Map<String, MessageAttributeValue> sqs = Map.of("a", MessageAttributeValue.string("from sqs"));
        for (String body : new String[]{"plain text", "[1,2]", "{\"Type\":\"Notification\"", confirmation.toString(),
                noMessage.toString(), numericMessage.toString()}) {
            FerryMessage m = WireCodec.decode(received(body, sqs), true);
            assertThat(((FerryTextMessage) m).getText()).isEqualTo(body);
            assertThat(m.getObjectProperty("a")).isEqualTo("from sqs");
        }
    }
}
