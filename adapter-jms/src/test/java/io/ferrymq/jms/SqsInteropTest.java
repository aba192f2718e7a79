package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.SendMessageResult;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JMS application and a plain SQS/SNS client on the same queues and topics: what the one sends, the other reads
 * as it would expect, so a migration can move one side at a time.
 */
class SqsInteropTest extends JmsFixture {

    private static Map<String, MessageAttributeValue> plainAttributes() {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("region", MessageAttributeValue.string("eu-west"));
        a.put("qty", MessageAttributeValue.number("42"));
        a.put("price", MessageAttributeValue.number("2.50"));
        a.put("big", MessageAttributeValue.number("9000000000"));
        a.put("weight", new MessageAttributeValue("Number.float", "1.5", null));
        a.put("urgent", new MessageAttributeValue("Number.Boolean", "1", null));
        a.put("colour", new MessageAttributeValue("String.colour", "blue", null));
        a.put("blob", MessageAttributeValue.binary(new byte[] {1, 2, 3}));
        return a;
    }

    private static void assertPlainProperties(TextMessage m) throws Exception {
        assertThat(m.getStringProperty("region")).isEqualTo("eu-west");
        assertThat(m.getIntProperty("qty")).isEqualTo(42);
        assertThat(m.getDoubleProperty("price")).isEqualTo(2.5);
        assertThat(m.getLongProperty("big")).isEqualTo(9_000_000_000L);
        assertThat(m.getObjectProperty("weight")).isEqualTo(1.5f);
        assertThat(m.getBooleanProperty("urgent")).isTrue();
        assertThat(m.getStringProperty("colour")).isEqualTo("blue");
        assertThat(m.propertyExists("blob")).as("no JMS property type holds bytes").isFalse();
    }

    @Test
    void aPlainSqsMessageIsReceivedAsATextMessageWithItsAttributesAsProperties() throws Exception {
        Engine engine = engine();
        String url = engine.createQueue(CreateQueueRequest.of("legacy-in")).get();
        SendMessageResult sent = engine.sendMessage(SendMessageRequest.of(url, "{\"order\":17}")
                .withMessageAttributes(plainAttributes())).get();

        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(s.createQueue("legacy-in"));
        jakarta.jms.Message got = c.receive(5000);
        assertThat(got).isInstanceOf(TextMessage.class);
        TextMessage text = (TextMessage) got;
        assertThat(text.getText()).isEqualTo("{\"order\":17}");
        assertPlainProperties(text);
        assertThat(text.getJMSMessageID()).isEqualTo("ID:" + sent.messageId());
        assertThat(text.getJMSTimestamp()).isPositive();
        assertThat(text.getJMSRedelivered()).isFalse();
        assertThat(text.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(text.getJMSDestination()).isEqualTo(s.createQueue("legacy-in"));
        assertThat(Collections.list(text.getPropertyNames())).doesNotContain("blob");
    }

    @Test
    void aPlainMessageThatIsNotConsumedComesBackCounted() throws Exception {
        String url = engine().createQueue(CreateQueueRequest.of("legacy-retry")).get();
        engine().sendMessage(SendMessageRequest.of(url, "again")).get();
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(tx.createQueue("legacy-retry"));
        assertThat(c.receive(5000)).isNotNull();
        tx.rollback();
        jakarta.jms.Message again = c.receive(5000);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tx.commit();
    }

    @Test
    void aPlainSnsPublishIsReceivedByATopicSubscriberAsATextMessageWithProperties() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(s.createTopic("legacy-events"));
        String arn = engine().createTopic(CreateTopicRequest.of("legacy-events", Map.of())).get();
        Map<String, MessageAttributeValue> attributes = plainAttributes();
        attributes.remove("weight"); // SNS takes String, String.Array, Number and Binary only
        attributes.remove("urgent");
        attributes.remove("colour");
        engine().publish(new PublishRequest(arn, "event-body", null, null, attributes, null, null)).get();

        TextMessage got = (TextMessage) c.receive(5000);
        assertThat(got.getText()).isEqualTo("event-body");
        assertThat(got.getStringProperty("region")).isEqualTo("eu-west");
        assertThat(got.getIntProperty("qty")).isEqualTo(42);
        assertThat(got.getDoubleProperty("price")).isEqualTo(2.5);
        assertThat(got.propertyExists("blob")).isFalse();
    }

    @Test
    void aJmsTextMessageIsReadByAPlainSqsReceiveAsItsRawBody() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = s.createTextMessage("plain text for SQS clients");
        m.setStringProperty("region", "eu");
        s.createProducer(s.createQueue("to-legacy")).send(m);

        String url = engine().getQueueUrl("to-legacy").get();
        List<Message> got = engine().receiveMessage(ReceiveMessageRequest.of(url)
                .withMessageAttributeNames("All").withWaitTimeSeconds(5)).get().messages();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).body()).isEqualTo("plain text for SQS clients");
        assertThat(got.get(0).messageAttributes()).containsOnlyKeys("ferry.jms");
    }

    @Test
    void aJmsTextMessageWithNonAsciiTextKeepsItsBodyForPlainClients() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        String text = "Grüße, 東京, emoji \uD83D\uDE00";
        s.createProducer(s.createQueue("to-legacy-utf8")).send(s.createTextMessage(text));
        String url = engine().getQueueUrl("to-legacy-utf8").get();
        Message got = engine().receiveMessage(ReceiveMessageRequest.of(url).withWaitTimeSeconds(5)).get()
                .messages().get(0);
        assertThat(got.body()).isEqualTo(text);
        assertThat(got.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJmsQueueNameSqsCannotTakeIsMappedToAValidSqsName() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createProducer(s.createQueue("orders.in")).send(s.createTextMessage("x"));
        String url = engine().getQueueUrl("orders_in").get();
        assertThat(engine().receiveMessage(ReceiveMessageRequest.of(url)).get().messages()).hasSize(1);
    }

    @Test
    void aPlainFifoMessageCarriesItsGroupAsJmsxGroupId() throws Exception {
        String url = engine().createQueue(CreateQueueRequest.of("legacy-jobs.fifo",
                Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"))).get();
        engine().sendMessage(SendMessageRequest.of(url, "job").withMessageGroupId("customer-7")).get();
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Message got = s.createConsumer(s.createQueue("legacy-jobs.fifo")).receive(5000);
        assertThat(got.getStringProperty("JMSXGroupID")).isEqualTo("customer-7");
    }

    @Test
    void aJmsMessageToAFifoQueueUsesJmsxGroupIdAsTheMessageGroup() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = s.createTextMessage("ordered");
        m.setStringProperty("JMSXGroupID", "customer-9");
        s.createProducer(s.createQueue("to-legacy.fifo")).send(m);
        String url = engine().getQueueUrl("to-legacy.fifo").get();
        Message got = engine().receiveMessage(ReceiveMessageRequest.of(url).withMessageSystemAttributeNames("All"))
                .get().messages().get(0);
        assertThat(got.body()).isEqualTo("ordered");
        assertThat(got.attributes().get("MessageGroupId")).isEqualTo("customer-9");
    }
}
