package io.ferrymq.jms.message;

import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTemporaryTopic;
import io.ferrymq.jms.FerryTopic;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** fromForeign copies another provider's message by its interface type. */
class ForeignMessageTest {
    /**
     * Another provider's message: an object that is not a FerryMessage and only offers {@code type}'s interface,
     * behaving as the message it fronts does (so the test states no behaviour of its own).
     */
    private static <T extends Message> T foreign(Class<T> type, FerryMessage behaviour) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            try {
                return method.invoke(behaviour, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static <M extends FerryMessage> M withHeadersAndProperties(M m) throws JMSException {
        m.setJMSMessageID("ID:other-1");
        m.setJMSTimestamp(5);
        m.setJMSCorrelationID("corr");
        m.setJMSType("t");
        m.setJMSDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(7);
        m.setJMSExpiration(9);
        m.setJMSDeliveryTime(11);
        m.setJMSRedelivered(true);
        m.setJMSDestination(new FerryTopic("from"));
        m.setIntProperty("n", 1);
        m.setStringProperty("s", "x");
        m.setProviderProperty("JMS_Other_Vendor-Flag", true);
        return m;
    }

    private static void assertHeadersAndPropertiesCopied(FerryMessage copy) throws JMSException {
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:other-1");
        assertThat(copy.getJMSTimestamp()).isEqualTo(5);
        assertThat(copy.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(copy.getJMSType()).isEqualTo("t");
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.NON_PERSISTENT);
        assertThat(copy.getJMSPriority()).isEqualTo(7);
        assertThat(copy.getJMSExpiration()).isEqualTo(9);
        assertThat(copy.getJMSDeliveryTime()).isEqualTo(11);
        assertThat(copy.getJMSRedelivered()).isTrue();
        assertThat(copy.getJMSDestination()).isEqualTo(new FerryTopic("from"));
        assertThat(copy.getIntProperty("n")).isEqualTo(1);
        assertThat(copy.getStringProperty("s")).isEqualTo("x");
        assertThat(copy.getBooleanProperty("JMS_Other_Vendor-Flag")).isTrue();
    }

    @Test
    void aFerryMessageIsItsOwnCopy() throws JMSException {
        FerryTextMessage m = new FerryTextMessage("x");
        assertThat(FerryMessage.fromForeign(m)).isSameAs(m);
    }

    @Test
    void aPlainForeignMessageBecomesAFerryMessage() throws JMSException {
        FerryMessage behaviour = withHeadersAndProperties(new FerryMessage());
        FerryMessage copy = FerryMessage.fromForeign(foreign(Message.class, behaviour));
        assertThat(copy).isExactlyInstanceOf(FerryMessage.class);
        assertHeadersAndPropertiesCopied(copy);
        copy.setIntProperty("writable", 1);
    }

    @Test
    void aForeignTextMessageKeepsItsText() throws JMSException {
        FerryMessage copy = FerryMessage.fromForeign(
                foreign(TextMessage.class, withHeadersAndProperties(new FerryTextMessage("hello"))));
        assertThat(((FerryTextMessage) copy).getText()).isEqualTo("hello");
        assertHeadersAndPropertiesCopied(copy);
    }

    @Test
    void aForeignBytesMessageInWriteModeIsResetAndCopied() throws JMSException {
        FerryBytesMessage behaviour = withHeadersAndProperties(new FerryBytesMessage());
        behaviour.writeInt(42);
        behaviour.writeUTF("ok");
        FerryBytesMessage copy = (FerryBytesMessage) FerryMessage.fromForeign(foreign(BytesMessage.class, behaviour));
        assertHeadersAndPropertiesCopied(copy);
        assertThat(copy.bodyBytes()).hasSize(8);
        copy.reset();
        assertThat(copy.readInt()).isEqualTo(42);
        assertThat(copy.readUTF()).isEqualTo("ok");
    }

    @Test
    void aForeignMapMessageKeepsEveryEntryAndType() throws JMSException {
        FerryMapMessage behaviour = withHeadersAndProperties(new FerryMapMessage());
        behaviour.setShort("s", (short) 1);
        behaviour.setChar("c", 'c');
        behaviour.setBytes("b", new byte[]{1});
        FerryMapMessage copy = (FerryMapMessage) FerryMessage.fromForeign(foreign(MapMessage.class, behaviour));
        assertHeadersAndPropertiesCopied(copy);
        assertThat(copy.getObject("s")).isEqualTo((short) 1);
        assertThat(copy.getObject("c")).isEqualTo('c');
        assertThat(copy.getBytes("b")).containsExactly(1);
    }

    @Test
    void aForeignStreamMessageKeepsEveryValueInOrder() throws JMSException {
        FerryStreamMessage behaviour = withHeadersAndProperties(new FerryStreamMessage());
        behaviour.writeLong(1);
        behaviour.writeString(null);
        behaviour.writeBytes(new byte[]{2});
        FerryStreamMessage copy = (FerryStreamMessage) FerryMessage.fromForeign(
                foreign(StreamMessage.class, behaviour));
        assertHeadersAndPropertiesCopied(copy);
        copy.reset();
        assertThat(copy.readObject()).isEqualTo(1L);
        assertThat(copy.readObject()).isNull();
        assertThat((byte[]) copy.readObject()).containsExactly(2);
    }

    @Test
    void aForeignObjectMessageKeepsItsObject() throws JMSException {
        FerryObjectMessage copy = (FerryObjectMessage) FerryMessage.fromForeign(foreign(ObjectMessage.class,
                withHeadersAndProperties(new FerryObjectMessage(new java.util.ArrayList<>(List.of("a"))))));
        assertHeadersAndPropertiesCopied(copy);
        assertThat(copy.getObject()).isEqualTo(List.of("a"));
    }

    @Test
    void foreignDestinationsBecomeFerryDestinationsOfTheSameKind() throws JMSException {
        FerryMessage behaviour = new FerryMessage();
        Queue queue = () -> "replies";
        behaviour.setJMSReplyTo(queue);
        behaviour.setJMSDestination(temporaryTopic("tmp-1"));
        FerryMessage copy = FerryMessage.fromForeign(foreign(Message.class, behaviour));
        assertThat(copy.getJMSReplyTo()).isEqualTo(new FerryQueue("replies"));
        assertThat(copy.getJMSDestination()).isInstanceOf(FerryTemporaryTopic.class);
        assertThat(((TemporaryTopic) copy.getJMSDestination()).getTopicName()).isEqualTo("tmp-1");
    }

    @Test
    void aDestinationThatIsNeitherQueueNorTopicIsRefused() {
        FerryMessage behaviour = new FerryMessage();
        behaviour.setJMSReplyTo(new Destination() {
        });
        assertThatThrownBy(() -> FerryMessage.fromForeign(foreign(Message.class, behaviour)))
                .isInstanceOf(jakarta.jms.InvalidDestinationException.class);
    }

    @Test
    void aBinaryCorrelationIdIsCopiedAsBytes() throws JMSException {
        FerryMessage behaviour = new FerryMessage();
        behaviour.setJMSCorrelationIDAsBytes(new byte[]{(byte) 0xFF});
        FerryMessage copy = FerryMessage.fromForeign(foreign(Message.class, behaviour));
        assertThat(copy.getJMSCorrelationIDAsBytes()).containsExactly(0xFF);
    }

    /** Another provider's temporary topic. */
    private static TemporaryTopic temporaryTopic(String name) {
        return new TemporaryTopic() {
            @Override
            public void delete() {
            }

            @Override
            public String getTopicName() {
                return name;
            }
        };
    }
}
