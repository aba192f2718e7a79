package io.ferrymq.jms.message;

import io.ferrymq.jms.FerryQueue;
import jakarta.jms.JMSException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** §3.9 and §3.11.2: a received message's properties and body are read-only until cleared. */
class ReadOnlyRulesTest {
    private static void assertNotWriteable(Executable... writes) {
        for (Executable write : writes) {
            assertThrows(MessageNotWriteableException.class, write);
        }
    }

    @Test
    void everyPropertySetterRefusesOnAReceivedMessage() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setStringProperty("kept", "x");
        m.markReadOnly();
        assertNotWriteable(() -> m.setBooleanProperty("p", true), () -> m.setByteProperty("p", (byte) 1),
                () -> m.setShortProperty("p", (short) 1), () -> m.setIntProperty("p", 1),
                () -> m.setLongProperty("p", 1), () -> m.setFloatProperty("p", 1), () -> m.setDoubleProperty("p", 1),
                () -> m.setStringProperty("p", "s"), () -> m.setObjectProperty("p", 1));
        assertThat(m.getStringProperty("kept")).isEqualTo("x");
        assertThat(m.propertyExists("p")).isFalse();
    }

    @Test
    void clearPropertiesMakesThemWritableAgain() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.markReadOnly();
        m.clearProperties();
        m.setIntProperty("p", 1);
        assertThat(m.getIntProperty("p")).isEqualTo(1);
    }

    @Test
    void headersStaySettableOnAReceivedMessage() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.markReadOnly();
        m.setJMSCorrelationID("c");
        m.setJMSReplyTo(new FerryQueue("q"));
        m.setJMSPriority(9);
        assertThat(m.getJMSCorrelationID()).isEqualTo("c");
        assertThat(m.getJMSPriority()).isEqualTo(9);
    }

    @Test
    void theProviderSetsPropertiesRegardlessOfReadOnlyAndNames() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.markReadOnly();
        m.setProviderProperty("JMSXDeliveryCount", 2);
        m.setProviderProperty("trace-id", "abc");
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(m.getObjectProperty("trace-id")).isEqualTo("abc");
        m.setProviderProperty("trace-id", null);
        assertThat(m.propertyExists("trace-id")).isFalse();
        assertThatThrownBy(() -> m.setProviderProperty("x", new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceivedTextBodyIsReadOnlyUntilCleared() throws JMSException {
        FerryTextMessage m = new FerryTextMessage("foo");
        m.setStringProperty("prop", "foo");
        m.markReadOnly();
        assertNotWriteable(() -> m.setText("bar"));
        m.clearBody();
        assertThat(m.getText()).isNull();
        assertThat(m.getStringProperty("prop")).isEqualTo("foo");
        m.setText("bar");
        assertThat(m.getText()).isEqualTo("bar");
        assertNotWriteable(() -> m.setStringProperty("p", "still read-only"));
    }

    @Test
    void aReceivedMapBodyIsReadOnlyUntilCleared() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        m.setInt("a", 1);
        m.markReadOnly();
        assertNotWriteable(() -> m.setBoolean("b", true), () -> m.setByte("b", (byte) 1),
                () -> m.setShort("b", (short) 1), () -> m.setChar("b", 'c'), () -> m.setInt("b", 1),
                () -> m.setLong("b", 1), () -> m.setFloat("b", 1), () -> m.setDouble("b", 1),
                () -> m.setString("b", "s"), () -> m.setBytes("b", new byte[1]),
                () -> m.setBytes("b", new byte[2], 0, 1), () -> m.setObject("b", 1));
        assertThat(m.getInt("a")).isEqualTo(1);
        m.clearBody();
        assertThat(m.itemExists("a")).isFalse();
        m.setInt("b", 2);
        assertThat(m.getInt("b")).isEqualTo(2);
    }

    @Test
    void aReceivedObjectBodyIsReadOnlyUntilCleared() throws JMSException {
        FerryObjectMessage m = new FerryObjectMessage("x");
        m.markReadOnly();
        assertNotWriteable(() -> m.setObject("y"));
        assertThat(m.getObject()).isEqualTo("x");
        m.clearBody();
        assertThat(m.getObject()).isNull();
        m.setObject("y");
        assertThat(m.getObject()).isEqualTo("y");
    }

    @Test
    void aReceivedBytesBodyIsInReadModeUntilCleared() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeInt(42);
        m.markReadOnly();
        assertNotWriteable(() -> m.writeBoolean(true), () -> m.writeByte((byte) 1), () -> m.writeShort((short) 1),
                () -> m.writeChar('c'), () -> m.writeInt(1), () -> m.writeLong(1), () -> m.writeFloat(1),
                () -> m.writeDouble(1), () -> m.writeUTF("s"), () -> m.writeBytes(new byte[1]),
                () -> m.writeBytes(new byte[2], 0, 1), () -> m.writeObject(1));
        assertThat(m.readInt()).isEqualTo(42);
        m.clearBody();
        assertThrows(MessageNotReadableException.class, m::readInt);
        assertThrows(MessageNotReadableException.class, m::getBodyLength);
        m.writeInt(7);
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
    }

    @Test
    void aReceivedStreamBodyIsInReadModeUntilCleared() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeInt(42);
        m.markReadOnly();
        assertNotWriteable(() -> m.writeBoolean(true), () -> m.writeByte((byte) 1), () -> m.writeShort((short) 1),
                () -> m.writeChar('c'), () -> m.writeInt(1), () -> m.writeLong(1), () -> m.writeFloat(1),
                () -> m.writeDouble(1), () -> m.writeString("s"), () -> m.writeBytes(new byte[1]),
                () -> m.writeBytes(new byte[2], 0, 1), () -> m.writeObject(1));
        assertThat(m.readInt()).isEqualTo(42);
        m.clearBody();
        assertThrows(MessageNotReadableException.class, m::readInt);
        m.writeInt(7);
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
    }

    @Test
    void clearingTheBodyLeavesPropertiesReadOnly() throws JMSException {
        for (FerryMessage m : List.of(new FerryMessage(), new FerryTextMessage(), new FerryBytesMessage(),
                new FerryMapMessage(), new FerryStreamMessage(), new FerryObjectMessage())) {
            m.markReadOnly();
            m.clearBody();
            assertNotWriteable(() -> m.setIntProperty("p", 1));
        }
    }
}
