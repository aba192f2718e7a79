package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BytesMessageTest {
    @Test
    void everyTypeWrittenReadsBackInOrderAfterReset() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeBoolean(true);
        m.writeByte((byte) -2);
        m.writeShort((short) -3);
        m.writeChar('é');
        m.writeInt(4);
        m.writeLong(5L);
        m.writeFloat(6.5f);
        m.writeDouble(7.25);
        m.writeUTF("ünï");
        m.writeBytes(new byte[]{8, 9});
        m.writeBytes(new byte[]{0, 10, 11, 0}, 1, 2);
        m.writeObject(12);
        m.writeObject("obj");
        m.writeObject(new byte[]{13});
        m.reset();
        assertThat(m.readBoolean()).isTrue();
        assertThat(m.readByte()).isEqualTo((byte) -2);
        assertThat(m.readShort()).isEqualTo((short) -3);
        assertThat(m.readChar()).isEqualTo('é');
        assertThat(m.readInt()).isEqualTo(4);
        assertThat(m.readLong()).isEqualTo(5L);
        assertThat(m.readFloat()).isEqualTo(6.5f);
        assertThat(m.readDouble()).isEqualTo(7.25);
        assertThat(m.readUTF()).isEqualTo("ünï");
        byte[] four = new byte[4];
        assertThat(m.readBytes(four)).isEqualTo(4);
        assertThat(four).containsExactly(8, 9, 10, 11);
        assertThat(m.readInt()).isEqualTo(12);
        assertThat(m.readUTF()).isEqualTo("obj");
        assertThat(m.readByte()).isEqualTo((byte) 13);
        assertThat(m.readBytes(four)).isEqualTo(-1);
    }

    @Test
    void unsignedReadsSeeTheSameBytesWithoutSign() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeByte((byte) -1);
        m.writeShort((short) -1);
        m.reset();
        assertThat(m.readUnsignedByte()).isEqualTo(255);
        assertThat(m.readUnsignedShort()).isEqualTo(65535);
    }

    @Test
    void readingPastTheEndIsAnEofErrorThatLeavesThePosition() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeShort((short) 7);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(MessageEOFException.class);
        assertThat(m.readShort()).isEqualTo((short) 7);
        assertThatThrownBy(m::readByte).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readBoolean).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void readBytesFillsTheBufferThenReturnsTheRestThenMinusOne() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeBytes(new byte[]{1, 2, 3, 4, 5});
        m.reset();
        byte[] buffer = new byte[2];
        assertThat(m.readBytes(buffer)).isEqualTo(2);
        assertThat(m.readBytes(buffer)).isEqualTo(2);
        assertThat(m.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 5);
        assertThat(m.readBytes(buffer)).isEqualTo(-1);
        m.reset();
        byte[] big = new byte[10];
        assertThat(m.readBytes(big, 3)).isEqualTo(3);
        assertThat(m.readBytes(big, 0)).isZero();
        assertThatThrownBy(() -> m.readBytes(big, 11)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.readBytes(big, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theBodyLengthIsKnownInReadModeOnly() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeLong(1);
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(8);
        m.readInt();
        assertThat(m.getBodyLength()).isEqualTo(8);
        m.reset();
        assertThat(m.readLong()).isEqualTo(1);
    }

    @Test
    void writeObjectRefusesNullAndTypesOutsideJms() {
        FerryBytesMessage m = new FerryBytesMessage();
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void badUtfIsAFormatErrorThatLeavesThePosition() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        m.writeShort((short) 1);
        m.writeByte((byte) 0xC0); // a two-byte sequence cut short
        m.reset();
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(m.readShort()).isEqualTo((short) 1);
    }

    @Test
    void theBodyIsAByteArrayForGetBodyInEitherMode() throws JMSException {
        FerryBytesMessage m = new FerryBytesMessage();
        assertThat(m.getBody(byte[].class)).isNull();
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        m.writeBytes("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(m.getBody(byte[].class)).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        m.reset();
        m.readByte();
        assertThat(m.getBody(byte[].class)).hasSize(2);
        assertThat(m.readByte()).isEqualTo((byte) 'i');
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }
}
