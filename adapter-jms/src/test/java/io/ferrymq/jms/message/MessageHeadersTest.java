package io.ferrymq.jms.message;

import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Header defaults and accessors (§3.4), acknowledgement and the provider's fields. */
class MessageHeadersTest {
    @Test
    void aNewMessageHasTheSpecificationsDefaults() {
        FerryMessage m = new FerryMessage();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT).isEqualTo(Message.DEFAULT_DELIVERY_MODE);
        assertThat(m.getJMSPriority()).isEqualTo(4);
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSTimestamp()).isZero();
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(m.getJMSReplyTo()).isNull();
        assertThat(m.getJMSDestination()).isNull();
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getJMSType()).isNull();
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSDeliveryTime()).isZero();
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
        assertThat(m.getOriginConnectionId()).isNull();
    }

    @Test
    void everyHeaderReadsBackWhatWasSet() {
        FerryMessage m = new FerryMessage();
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(10);
        m.setJMSReplyTo(new FerryQueue("replies"));
        m.setJMSDestination(new FerryTopic("prices"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("quote");
        m.setJMSExpiration(20);
        m.setJMSDeliveryTime(30);
        m.setJMSPriority(9);
        assertThat(m.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(m.getJMSTimestamp()).isEqualTo(10);
        assertThat(m.getJMSReplyTo()).isEqualTo(new FerryQueue("replies"));
        assertThat(m.getJMSDestination()).isEqualTo(new FerryTopic("prices"));
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getJMSType()).isEqualTo("quote");
        assertThat(m.getJMSExpiration()).isEqualTo(20);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(30);
        assertThat(m.getJMSPriority()).isEqualTo(9);
    }

    @Test
    void aCorrelationIdIsAStringOrBytesAndTheLastSetWins() {
        FerryMessage m = new FerryMessage();
        m.setJMSCorrelationID("abc");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = {1, 2, (byte) 0xFF};
        m.setJMSCorrelationIDAsBytes(bytes);
        bytes[0] = 9;
        assertThat(m.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 0xFF);
        m.getJMSCorrelationIDAsBytes()[1] = 9;
        assertThat(m.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 0xFF);
        m.setJMSCorrelationIDAsBytes("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(m.getJMSCorrelationID()).isEqualTo("héllo");
        m.setJMSCorrelationID("x");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo(new byte[]{'x'});
        m.setJMSCorrelationID(null);
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
    }

    @Test
    void acknowledgeCallsTheProvidersCallbackAndIsANoOpWithout() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.acknowledge();
        AtomicInteger calls = new AtomicInteger();
        m.setAcknowledgeCallback(calls::incrementAndGet);
        m.acknowledge();
        assertThat(calls).hasValue(1);
        m.setAcknowledgeCallback(() -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        assertThatThrownBy(m::acknowledge).isInstanceOf(jakarta.jms.IllegalStateException.class);
        m.setAcknowledgeCallback(null);
        m.acknowledge();
    }

    @Test
    void theOriginConnectionIdIsAProviderField() {
        FerryMessage m = new FerryMessage();
        m.setOriginConnectionId("conn-1");
        assertThat(m.getOriginConnectionId()).isEqualTo("conn-1");
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
    }
}
