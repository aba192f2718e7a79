package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * A message whose body is a serialized object. {@link #setObject} serializes at once, so later changes to the object
 * do not reach the message; {@link #getObject} deserializes a fresh copy each time, resolving classes through the
 * thread's context class loader. Deserialization is subject to the JVM-wide filter ({@code jdk.serialFilter}), which
 * is how a deployment restricts what received ObjectMessages may instantiate.
 */
public class FerryObjectMessage extends FerryMessage implements ObjectMessage {
    private byte[] serialized;

    public FerryObjectMessage() {
    }

    public FerryObjectMessage(Serializable object) throws JMSException {
        this.serialized = serialize(object);
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        this.serialized = serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        if (serialized == null) {
            return null;
        }
        try (ObjectInputStream in = new ContextClassLoaderInput(new ByteArrayInputStream(serialized))) {
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw Failures.linked(new MessageFormatException("The object does not deserialize: " + e), e);
        }
    }

    /** The serialized form, or null when the body is null. */
    byte[] serializedBody() {
        return serialized;
    }

    void setSerializedBody(byte[] bytes) {
        this.serialized = bytes;
    }

    @Override
    void clearBodyContent() {
        serialized = null;
    }

    @Override
    Object body() throws JMSException {
        return getObject();
    }

    private static byte[] serialize(Serializable object) throws MessageFormatException {
        if (object == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw Failures.linked(new MessageFormatException("The object does not serialize: " + e), e);
        }
        return bytes.toByteArray();
    }

    /** Resolves classes as the application sees them (containers give each application its own loader). */
    private static final class ContextClassLoaderInput extends ObjectInputStream {
        ContextClassLoaderInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution (primitives, platform classes)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
