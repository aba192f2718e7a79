package io.ferrymq.jms;

import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import io.ferrymq.jms.provider.SqsNames;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JMS connection: no socket underneath, just the sessions, temporary destinations and client ID of one
 * application connection to an engine. Delivery starts with {@link #start()}, as the spec says.
 */
public final class FerryConnection implements Connection, QueueConnection, TopicConnection, TemporaryDestinationOwner {
    private final FerryProvider provider;
    private final String id = UUID.randomUUID().toString();
    private final List<FerrySession> sessions = new CopyOnWriteArrayList<>();
    private final Map<FerryDestination, String> temporaries = new ConcurrentHashMap<>();
    private final Object startLock = new Object();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean used;
    private volatile String clientId;
    private volatile boolean clientIdFixed;
    private volatile ExceptionListener exceptionListener;
    private final boolean queueOnly;

    FerryConnection(FerryProvider provider, String clientId, boolean queueOnly) throws JMSException {
        this.provider = provider;
        this.queueOnly = queueOnly;
        if (clientId != null) {
            provider.subscriptions().claimClientId(clientId);
            this.clientId = clientId;
            this.clientIdFixed = true;
        }
    }

    FerryProvider provider() {
        return provider;
    }

    /**
     * Carried in every message this connection sends, so noLocal subscribers can skip their own. With a client ID it
     * is the client ID's, since a noLocal durable subscription skips what any connection with its client ID
     * published (JMS 2.0 Session.createDurableConsumer), also one that has closed since; client IDs are unique among
     * open connections, so for a non-durable subscriber this is still exactly its own connection's messages.
     */
    String id() {
        String c = clientId;
        return c != null ? "client:" + c : id;
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    /** Blocks until the connection is started or closed, or the deadline (epoch ms; 0 = none) passes. */
    boolean awaitStarted(long deadline) throws InterruptedException {
        synchronized (startLock) {
            while (!started && !closed) {
                long left = deadline == 0 ? 0 : deadline - System.currentTimeMillis();
                if (deadline != 0 && left <= 0) {
                    return false;
                }
                startLock.wait(deadline == 0 ? 0 : left);
            }
            return started;
        }
    }

    /** Wakes receives waiting for start(), so a consumer closed meanwhile can return. */
    void wakeWaiters() {
        synchronized (startLock) {
            startLock.notifyAll();
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The connection is closed");
        }
    }

    /** Any use but setClientID fixes the client ID (JMS 2.0 §6.1.2). */
    void markUsed() {
        used = true;
        clientIdFixed = true;
    }

    @Override
    public FerrySession createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, FerrySession.Domain.ANY);
    }

    private FerrySession createSession(boolean transacted, int acknowledgeMode, FerrySession.Domain sessionDomain)
            throws JMSException {
        checkOpen();
        markUsed();
        int mode = transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
        if (mode < Session.SESSION_TRANSACTED || mode > Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("Unknown acknowledge mode " + acknowledgeMode);
        }
        FerrySession session = new FerrySession(this, mode, sessionDomain);
        sessions.add(session);
        if (started) {
            session.start();
        }
        return session;
    }

    @Override
    public FerrySession createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public FerrySession createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, FerrySession.Domain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, FerrySession.Domain.TOPIC);
    }

    void removeSession(FerrySession session) {
        sessions.remove(session);
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public void setClientID(String value) throws JMSException {
        checkOpen();
        if (clientIdFixed || used) {
            throw new IllegalStateException("The client ID can only be set right after the connection is created");
        }
        if (value == null || value.isEmpty()) {
            throw new jakarta.jms.InvalidClientIDException("A client ID must not be empty");
        }
        provider.subscriptions().claimClientId(value);
        clientId = value;
        clientIdFixed = true;
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        markUsed();
        return new FerryConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        markUsed();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        markUsed();
        exceptionListener = listener;
    }

    /** Reports a failure no application call is waiting for (a listener's receive, a lease renewal). */
    void onAsyncFailure(Throwable failure) {
        ExceptionListener l = exceptionListener;
        if (l != null && !closed) {
            l.onException(JmsErrors.toJms(failure));
        }
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        markUsed();
        synchronized (startLock) {
            if (started) {
                return;
            }
            started = true;
            startLock.notifyAll();
        }
        for (FerrySession s : sessions) {
            s.start();
        }
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        markUsed();
        if (FerrySession.isListenerThreadOf(this)) {
            throw new IllegalStateException("A message listener must not stop its own connection");
        }
        synchronized (startLock) {
            if (!started) {
                return;
            }
            started = false;
        }
        for (FerrySession s : sessions) {
            s.stop();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (FerrySession.isListenerThreadOf(this)) {
            throw new IllegalStateException("A message listener must not close its own connection");
        }
        if (FerryMessageProducer.isCompletionThreadOf(this)) {
            throw new IllegalStateException("A CompletionListener must not close its own connection");
        }
        synchronized (startLock) {
            started = false;
        }
        JMSException first = null;
        for (FerrySession s : sessions) {
            try {
                s.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        synchronized (startLock) {
            closed = true;
            startLock.notifyAll();
        }
        for (FerryDestination t : Set.copyOf(temporaries.keySet())) {
            try {
                removeTemporary(t);
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        if (clientId != null) {
            provider.subscriptions().releaseClientId(clientId);
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- temporary destinations ----

    TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        markUsed();
        String name = SqsNames.uniqueName("tmpq");
        String url = JmsErrors.await(provider.engine().createQueue(CreateQueueRequest.of(name,
                provider.destinations().redriveAttributes(false))));
        FerryTemporaryQueue queue = new FerryTemporaryQueue(name, this);
        temporaries.put(queue, url);
        return queue;
    }

    TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        markUsed();
        String name = SqsNames.uniqueName("tmpt");
        String arn = JmsErrors.await(provider.engine().createTopic(CreateTopicRequest.of(name)));
        FerryTemporaryTopic topic = new FerryTemporaryTopic(name, this);
        temporaries.put(topic, arn);
        return topic;
    }

    boolean owns(FerryDestination temporary) {
        return temporaries.containsKey(temporary);
    }

    @Override
    public void deleteTemporary(FerryDestination destination) throws JMSException {
        checkOpen();
        for (FerrySession s : sessions) {
            if (s.hasConsumerOn(destination)) {
                throw new IllegalStateException("Temporary destination " + destination.name()
                        + " still has consumers; close them first");
            }
        }
        removeTemporary(destination);
    }

    private void removeTemporary(FerryDestination destination) throws JMSException {
        String address = temporaries.remove(destination);
        if (address == null) {
            return;
        }
        provider.destinations().forget(destination.name());
        if (destination.isTopic()) {
            JmsErrors.await(provider.engine().deleteTopic(address));
        } else {
            JmsErrors.await(provider.engine().deleteQueue(address));
        }
    }

    // ---- optional server-session facility: not offered, as the spec allows for standalone providers ----

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw new jakarta.jms.JMSException("FerryMQ does not offer connection consumers (an application-server facility)");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        return createConnectionConsumer(topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        if (queueOnly) {
            throw new IllegalStateException("A QueueConnection has no durable subscriptions");
        }
        return createConnectionConsumer(topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer(topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }
}
