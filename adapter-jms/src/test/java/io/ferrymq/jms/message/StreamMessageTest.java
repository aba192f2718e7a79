package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The StreamMessage conversions (§3.11.3), readBytes chunking and read-position rules. */
class StreamMessageTest {
    enum Read { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    private static Object read(StreamMessage m, Read as) throws JMSException {
        return switch (as) {
            case BOOLEAN -> m.readBoolean();
            case BYTE -> m.readByte();
            case SHORT -> m.readShort();
            case CHAR -> m.readChar();
            case INT -> m.readInt();
            case LONG -> m.readLong();
            case FLOAT -> m.readFloat();
            case DOUBLE -> m.readDouble();
            case STRING -> m.readString();
            case BYTES -> {
                byte[] buffer = new byte[8];
                int n = m.readBytes(buffer);
                yield List.of(n, buffer[0]);
            }
        };
    }

    private static final Map<Object, Set<Read>> TABLE = Map.of(
            true, EnumSet.of(Read.BOOLEAN, Read.STRING),
            (byte) 1, EnumSet.of(Read.BYTE, Read.SHORT, Read.INT, Read.LONG, Read.STRING),
            (short) 1, EnumSet.of(Read.SHORT, Read.INT, Read.LONG, Read.STRING),
            'c', EnumSet.of(Read.CHAR, Read.STRING),
            1, EnumSet.of(Read.INT, Read.LONG, Read.STRING),
            1L, EnumSet.of(Read.LONG, Read.STRING),
            1f, EnumSet.of(Read.FLOAT, Read.DOUBLE, Read.STRING),
            1d, EnumSet.of(Read.DOUBLE, Read.STRING),
            "1", EnumSet.complementOf(EnumSet.of(Read.CHAR, Read.BYTES)));

    @Test
    void everyValueReadsAsTheTableAllowsAndAFailedReadDoesNotMove() throws JMSException {
        for (Map.Entry<Object, Set<Read>> row : TABLE.entrySet()) {
            FerryStreamMessage m = new FerryStreamMessage();
            m.writeObject(row.getKey());
            m.writeString("next");
            m.reset();
            for (Read as : Read.values()) {
                if (!row.getValue().contains(as)) {
                    assertThatThrownBy(() -> read(m, as)).as(row.getKey() + " as " + as)
                            .isInstanceOf(MessageFormatException.class);
                }
            }
            for (Read as : row.getValue()) {
                assertThat(read(m, as)).as(row.getKey() + " as " + as).isNotNull();
                m.reset();
            }
            assertThat(m.readObject()).isEqualTo(row.getKey());
            assertThat(m.readString()).isEqualTo("next");
        }
    }

    @Test
    void aStringThatIsNotANumberIsANumberFormatErrorAndCanBeReadAgain() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeString("abc");
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(NumberFormatException.class);
        assertThat(m.readBoolean()).isFalse();
        assertThatThrownBy(m::readString).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aNullValueReadsAsValueOfNullWould() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeString(null);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readByte).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readFloat).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(NullPointerException.class);
        assertThat(m.readObject()).isNull();
        m.reset();
        assertThat(m.readString()).isNull();
        m.reset();
        assertThat(m.readBoolean()).isFalse();
        m.reset();
        assertThat(m.readBytes(new byte[1])).isEqualTo(-1);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void readBytesReturnsAValueInChunksAndMinusOneAfterAnExactFill() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeBytes(new byte[]{1, 2, 3, 4});
        m.writeBytes(new byte[]{5, 6, 7});
        m.writeBytes(new byte[0]);
        m.writeInt(8);
        m.reset();
        byte[] two = new byte[2];
        assertThat(m.readBytes(two)).isEqualTo(2);
        assertThat(two).containsExactly(1, 2);
        assertThatThrownBy(m::readInt).as("mid-value").isInstanceOf(MessageFormatException.class);
        assertThat(m.readBytes(two)).isEqualTo(2);
        assertThat(two).containsExactly(3, 4);
        assertThat(m.readBytes(two)).as("end of the first value").isEqualTo(-1);
        assertThat(m.readBytes(two)).isEqualTo(2);
        assertThat(m.readBytes(two)).as("short: the value is done").isEqualTo(1);
        assertThat(two[0]).isEqualTo((byte) 7);
        assertThat(m.readBytes(two)).as("empty value").isZero();
        assertThat(m.readInt()).isEqualTo(8);
        assertThatThrownBy(() -> m.readBytes(two)).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void anotherReadMayFollowAnExactlyFillingReadBytes() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeBytes(new byte[]{1, 2});
        m.writeInt(3);
        m.reset();
        assertThat(m.readBytes(new byte[2])).isEqualTo(2);
        assertThat(m.readInt()).isEqualTo(3);
    }

    @Test
    void readBytesOfAnotherTypeIsAFormatErrorThatDoesNotMove() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeInt(1);
        m.reset();
        assertThatThrownBy(() -> m.readBytes(new byte[4])).isInstanceOf(MessageFormatException.class);
        assertThat(m.readInt()).isEqualTo(1);
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        byte[] value = {1, 2, 3};
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeBytes(value);
        m.writeObject(value);
        m.writeBytes(value, 1, 2);
        value[0] = 9;
        m.reset();
        byte[] out = (byte[]) m.readObject();
        assertThat(out).containsExactly(1, 2, 3);
        out[1] = 9;
        assertThat((byte[]) m.readObject()).containsExactly(1, 2, 3);
        assertThat((byte[]) m.readObject()).containsExactly(2, 3);
    }

    @Test
    void writeObjectTakesJmsTypesOnly() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeObject(null);
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(List.of())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aStreamIsWriteOnlyUntilResetAndThenReadsFromTheStart() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        m.writeString("pi");
        m.writeDouble(3.14159);
        assertThatThrownBy(m::readString).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThat(m.readString()).isEqualTo("pi");
        m.reset();
        assertThat(m.readString()).isEqualTo("pi");
        assertThat(m.readDouble()).isEqualTo(3.14159);
        assertThatThrownBy(m::readDouble).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void getBodyIsNotForStreams() throws JMSException {
        FerryStreamMessage m = new FerryStreamMessage();
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }
}
