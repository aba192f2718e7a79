package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A message whose body is a sequence of typed values (boxed primitives, Character, String, byte[] or null), read in
 * order under the conversions of §3.11.3. It starts in write-only mode; {@link #reset()} (or delivery) switches it to
 * read-only mode and rewinds. A read that fails with a conversion error leaves the position where it was, so the
 * value can be read again as another type. A byte[] value is read by successive {@link #readBytes} calls: each
 * fills the buffer as far as it can, a short count ends the value, and a call after an exactly filling read returns
 * -1 and moves on; no other read may start until the value is finished.
 */
public class FerryStreamMessage extends FerryMessage implements StreamMessage {
    private final List<Object> values = new ArrayList<>();
    private int position;
    /** Bytes of the current byte[] value not yet returned by readBytes, or -1 when none is in progress. */
    private int bytesRemaining = -1;

    public FerryStreamMessage() {
    }

    @FunctionalInterface
    private interface Conversion<T> {
        T convert(Object value) throws JMSException;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Override
    public boolean readBoolean() throws JMSException {
        return read(TypeConversion::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(TypeConversion::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(TypeConversion::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(TypeConversion::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(TypeConversion::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(TypeConversion::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(TypeConversion::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(TypeConversion::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return read(TypeConversion::toText);
    }

    @Override
    public Object readObject() throws JMSException {
        return read(value -> value instanceof byte[] bytes ? bytes.clone() : value);
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        checkReadable();
        if (bytesRemaining == 0) { // the previous call filled the buffer exactly: the value is finished
            finishBytes();
            return -1;
        }
        if (bytesRemaining < 0) {
            Object next = current();
            if (next == null) {
                position++;
                return -1;
            }
            if (!(next instanceof byte[] bytes)) {
                throw new MessageFormatException("A " + next.getClass().getSimpleName() + " value cannot be read as"
                        + " byte[]");
            }
            bytesRemaining = bytes.length;
        }
        byte[] bytes = (byte[]) values.get(position);
        int count = Math.min(value.length, bytesRemaining);
        System.arraycopy(bytes, bytes.length - bytesRemaining, value, 0, count);
        bytesRemaining -= count;
        if (bytesRemaining == 0 && count < value.length) {
            finishBytes();
        }
        return count;
    }

    private <T> T read(Conversion<T> conversion) throws JMSException {
        checkReadable();
        if (bytesRemaining == 0) {
            finishBytes();
        } else if (bytesRemaining > 0) {
            throw new MessageFormatException("The byte[] value being read by readBytes is not finished");
        }
        T result = conversion.convert(current());
        position++;
        return result;
    }

    private Object current() throws MessageEOFException {
        if (position >= values.size()) {
            throw new MessageEOFException("End of the StreamMessage body");
        }
        return values.get(position);
    }

    private void finishBytes() {
        bytesRemaining = -1;
        position++;
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("The StreamMessage is in write-only mode; call reset() to read it");
        }
    }

    // --- writing -----------------------------------------------------------------------------------------------

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        write(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        write(copy);
    }

    @Override
    public void writeObject(Object value) throws JMSException {
        if (!TypeConversion.isBodyValue(value)) {
            throw new MessageFormatException("A StreamMessage cannot hold a " + value.getClass().getName());
        }
        write(value instanceof byte[] bytes ? bytes.clone() : value);
    }

    private void write(Object value) throws JMSException {
        checkBodyWritable();
        values.add(value);
    }

    // --- modes -------------------------------------------------------------------------------------------------

    @Override
    public void reset() {
        setBodyReadOnly(true);
        position = 0;
        bytesRemaining = -1;
    }

    @Override
    void makeBodyReadOnly() {
        reset();
    }

    @Override
    void clearBodyContent() {
        values.clear();
        position = 0;
        bytesRemaining = -1;
    }

    /** The values as they are held (byte[] not copied), for the codec. */
    List<Object> items() {
        return Collections.unmodifiableList(values);
    }

    /** Appends a value without the writable check, for the codec. */
    void addItem(Object value) {
        values.add(value);
    }

    /** A StreamMessage body cannot be had with getBody. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("getBody is not supported for a StreamMessage");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }
}
