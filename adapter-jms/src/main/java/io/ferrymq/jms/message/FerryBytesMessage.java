package io.ferrymq.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;

/**
 * A message whose body is a stream of bytes written and read as {@link java.io.DataOutput}/{@link java.io.DataInput}
 * do. It starts in write-only mode; {@link #reset()} (or delivery) switches it to read-only mode and rewinds. A read
 * that fails (end of body, bad UTF) leaves the position where it was.
 */
public class FerryBytesMessage extends FerryMessage implements BytesMessage {
    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(written);
    private byte[] content;
    private ByteArrayInputStream readBuffer;
    private DataInputStream in;

    public FerryBytesMessage() {
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws IOException;
    }

    @FunctionalInterface
    private interface Write {
        void write() throws IOException;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return content.length;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(() -> in.readBoolean());
    }

    @Override
    public byte readByte() throws JMSException {
        return read(() -> in.readByte());
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read(() -> in.readUnsignedByte());
    }

    @Override
    public short readShort() throws JMSException {
        return read(() -> in.readShort());
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read(() -> in.readUnsignedShort());
    }

    @Override
    public char readChar() throws JMSException {
        return read(() -> in.readChar());
    }

    @Override
    public int readInt() throws JMSException {
        return read(() -> in.readInt());
    }

    @Override
    public long readLong() throws JMSException {
        return read(() -> in.readLong());
    }

    @Override
    public float readFloat() throws JMSException {
        return read(() -> in.readFloat());
    }

    @Override
    public double readDouble() throws JMSException {
        return read(() -> in.readDouble());
    }

    @Override
    public String readUTF() throws JMSException {
        return read(() -> in.readUTF());
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /** Up to {@code length} bytes; fewer means the body is exhausted, and -1 that nothing was left. */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " for an array of " + value.length);
        }
        checkReadable();
        return readBuffer.read(value, 0, length);
    }

    private <T> T read(Read<T> read) throws JMSException {
        checkReadable();
        readBuffer.mark(0);
        try {
            return read.read();
        } catch (EOFException e) {
            readBuffer.reset();
            throw Failures.linked(new MessageEOFException("Unexpected end of the BytesMessage body"), e);
        } catch (UTFDataFormatException e) {
            readBuffer.reset();
            throw Failures.linked(new MessageFormatException("Malformed UTF in the BytesMessage body"), e);
        } catch (IOException e) {
            readBuffer.reset();
            throw Failures.linked(new JMSException("Cannot read the BytesMessage body"), e);
        }
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("The BytesMessage is in write-only mode; call reset() to read it");
        }
    }

    // --- writing -----------------------------------------------------------------------------------------------

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(() -> out.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(() -> out.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(() -> out.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(() -> out.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(() -> out.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(() -> out.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(() -> out.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(() -> out.writeDouble(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        write(() -> out.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(() -> out.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(() -> out.write(value, offset, length));
    }

    /** Boxed primitives, String and byte[]; null is a NullPointerException, other types a format error. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject(null)");
        }
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("A BytesMessage cannot hold a " + value.getClass().getName());
        }
    }

    private void write(Write write) throws JMSException {
        checkBodyWritable();
        try {
            write.write();
        } catch (UTFDataFormatException e) {
            throw Failures.linked(new MessageFormatException("The String is too long for writeUTF"), e);
        } catch (IOException e) {
            throw Failures.linked(new JMSException("Cannot write the BytesMessage body"), e);
        }
    }

    // --- modes -------------------------------------------------------------------------------------------------

    @Override
    public void reset() {
        if (!isBodyReadOnly()) {
            content = written.toByteArray();
            written = null;
            out = null;
            setBodyReadOnly(true);
        }
        readBuffer = new ByteArrayInputStream(content);
        in = new DataInputStream(readBuffer);
    }

    @Override
    void makeBodyReadOnly() {
        reset();
    }

    @Override
    void clearBodyContent() {
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
        content = null;
        readBuffer = null;
        in = null;
    }

    /** The whole body, whatever the mode and position. */
    byte[] bodyBytes() {
        return isBodyReadOnly() ? content.clone() : written.toByteArray();
    }

    /** Replaces the body with these bytes, in read-only mode (a received message). */
    void setBodyBytes(byte[] bytes) {
        content = bytes.clone();
        written = null;
        out = null;
        setBodyReadOnly(true);
        reset();
    }

    @Override
    Object body() {
        byte[] bytes = bodyBytes();
        return bytes.length == 0 ? null : bytes;
    }
}
