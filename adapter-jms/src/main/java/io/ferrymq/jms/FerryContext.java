package io.ferrymq.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import static io.ferrymq.jms.Unchecked.unchecked;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simplified API: one connection and one session. Contexts made from this one with {@link #createContext}
 * share its connection, which closes with the last of them. Consumers start the connection unless autoStart is off.
 */
final class FerryContext implements JMSContext {
    private final FerryConnection connection;
    private final AtomicInteger connectionUsers;
    private final int sessionMode;
    private FerrySession session;
    private boolean autoStart = true;
    private volatile boolean closed;

    FerryContext(FerryConnection connection, int sessionMode) {
        this(connection, new AtomicInteger(1), sessionMode);
    }

    private FerryContext(FerryConnection connection, AtomicInteger connectionUsers, int sessionMode) {
        this.connection = connection;
        this.connectionUsers = connectionUsers;
        this.sessionMode = sessionMode;
    }

    static void checkSessionMode(int mode) {
        if (mode < JMSContext.SESSION_TRANSACTED || mode > JMSContext.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("Unknown session mode " + mode);
        }
    }


    private static void run(Unchecked.Call<?> call) {
        unchecked(call);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("The JMSContext is closed");
        }
    }

    synchronized FerrySession session() {
        checkOpen();
        if (session == null) {
            session = unchecked(() -> connection.createSession(sessionMode));
        }
        return session;
    }

    private void autoStart() {
        if (autoStart) {
            run(() -> {
                connection.start();
                return null;
            });
        }
    }

    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkSessionMode(mode);
        connectionUsers.incrementAndGet();
        return new FerryContext(connection, connectionUsers, mode);
    }

    /**
     * Each JMSProducer has its own settings (delivery mode, priority, time to live, delay, ...), so each gets its own
     * anonymous producer. It is not registered with the session: a JMSProducer has no close(), and an application
     * may create one per send; it stops working when the session closes all the same.
     */
    @Override
    public JMSProducer createProducer() {
        FerrySession s = session();
        return new FerryJMSProducer(this, unchecked(() -> {
            s.checkOpen();
            return new FerryMessageProducer(s, null);
        }));
    }

    @Override
    public String getClientID() {
        checkOpen();
        return unchecked(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        run(() -> {
            connection.setClientID(clientID);
            return null;
        });
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return unchecked(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return unchecked(connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        run(() -> {
            connection.setExceptionListener(listener);
            return null;
        });
    }

    @Override
    public void start() {
        checkOpen();
        run(() -> {
            connection.start();
            return null;
        });
    }

    @Override
    public void stop() {
        checkOpen();
        run(() -> {
            connection.stop();
            return null;
        });
    }

    @Override
    public void setAutoStart(boolean value) {
        checkOpen();
        this.autoStart = value;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            // Refused before anything is closed, so the context stays usable (JMS 2.0 JMSContext.close).
            boolean lastUser = connectionUsers.get() == 1;
            if (session != null && SessionDispatcher.deliveringSession() == session
                    || lastUser && FerrySession.isListenerThreadOf(connection)) {
                throw new IllegalStateRuntimeException("A MessageListener must not close its own JMSContext");
            }
            if (session != null && FerryMessageProducer.isCompletionThreadOf(session)
                    || lastUser && FerryMessageProducer.isCompletionThreadOf(connection)) {
                throw new IllegalStateRuntimeException("A CompletionListener must not close its own JMSContext");
            }
            closed = true;
        }
        run(() -> {
            if (session != null) {
                session.close();
            }
            if (connectionUsers.decrementAndGet() == 0) {
                connection.close();
            }
            return null;
        });
    }

    // ---- messages ----

    @Override
    public BytesMessage createBytesMessage() {
        return unchecked(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return unchecked(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return unchecked(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return unchecked(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return unchecked(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return unchecked(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return unchecked(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return unchecked(() -> session().createTextMessage(text));
    }

    // ---- session ----

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        run(() -> {
            session().commit();
            return null;
        });
    }

    @Override
    public void rollback() {
        run(() -> {
            session().rollback();
            return null;
        });
    }

    @Override
    public void recover() {
        run(() -> {
            session().recover();
            return null;
        });
    }

    @Override
    public void acknowledge() {
        checkOpen();
        if (sessionMode != CLIENT_ACKNOWLEDGE) {
            return;
        }
        run(() -> {
            session().acknowledge();
            return null;
        });
    }

    // ---- consumers ----

    private JMSConsumer consumer(Unchecked.Call<MessageConsumer> create) {
        JMSConsumer c = new FerryJMSConsumer(unchecked(create));
        autoStart();
        return c;
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(() -> session().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> session().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return unchecked(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return unchecked(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> {
            session().unsubscribe(name);
            return null;
        });
    }

    // ---- destinations ----

    @Override
    public Queue createQueue(String queueName) {
        return unchecked(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return unchecked(() -> session().createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return unchecked(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return unchecked(() -> session().createTemporaryTopic());
    }
}
