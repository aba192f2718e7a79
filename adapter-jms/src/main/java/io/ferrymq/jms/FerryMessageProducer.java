package io.ferrymq.jms;

import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.provider.JmsErrors;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.concurrent.CompletableFuture;

/**
 * Sends to a queue (SendMessage) or publishes to a topic (Publish). A plain send returns once the engine has the
 * message (on disk, for a durable engine); an async send calls its CompletionListener then, in send order.
 */
public final class FerryMessageProducer implements MessageProducer, QueueSender, TopicPublisher {
    private static final ThreadLocal<FerrySession> COMPLETING = new ThreadLocal<>();

    private final FerrySession session;
    private final FerryDestination destination;
    private final Sender sender;
    private volatile boolean closed;
    /** The callback of this producer's latest async send; callbacks run in send order, so it is the last to return. */
    private volatile CompletableFuture<Void> lastCompletion;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;

    FerryMessageProducer(FerrySession session, FerryDestination destination) {
        this.session = session;
        this.destination = destination;
        this.sender = new Sender(session);
    }

    static boolean isCompletionThreadOf(FerrySession session) {
        return COMPLETING.get() == session;
    }

    /** True on a thread running a CompletionListener of a session of this connection. */
    static boolean isCompletionThreadOf(FerryConnection connection) {
        FerrySession s = COMPLETING.get();
        return s != null && s.connection() == connection;
    }

    void markClosed() {
        closed = true;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed || session.isClosed()) {
            throw new IllegalStateException("The producer is closed");
        }
    }

    @Override
    public void close() throws JMSException {
        if (FerryMessageProducer.isCompletionThreadOf(session)) {
            throw new IllegalStateException("close() must not be called from a CompletionListener");
        }
        closed = true;
        session.removeProducer(this);
        // JMS 2.0 MessageProducer.close: not before the CompletionListeners of this producer's sends have returned.
        CompletableFuture<Void> last = lastCompletion;
        if (last != null) {
            last.join();
        }
    }

    // ---- settings ----

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkOpen();
        this.deliveryMode = checkDeliveryMode(mode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkOpen();
        this.priority = checkPriority(value);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkOpen();
        this.timeToLive = value;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkOpen();
        this.deliveryDelay = value;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        return (Queue) getDestination();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return (Topic) getDestination();
    }

    private static int checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Unknown delivery mode " + mode);
        }
        return mode;
    }

    private static int checkPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("Priority must be 0 to 9, not " + value);
        }
        return value;
    }

    // ---- sending ----

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        send(requireIdentified(), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Destination target, Message message) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl) throws JMSException {
        send(requireAnonymous(target), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        send(requireIdentified(), message, mode, prio, ttl, requireListener(listener));
    }

    @Override
    public void send(Destination target, Message message, CompletionListener listener) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl,
                     CompletionListener listener) throws JMSException {
        send(requireAnonymous(target), message, mode, prio, ttl, requireListener(listener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send(topic, message, mode, prio, ttl);
    }

    private FerryDestination requireIdentified() throws JMSException {
        checkOpen();
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination; name one in send()");
        }
        return destination;
    }

    private FerryDestination requireAnonymous(Destination target) throws JMSException {
        checkOpen();
        if (destination != null) {
            throw new UnsupportedOperationException("This producer sends to " + destination.name()
                    + "; create one without a destination to name it in send()");
        }
        if (target == null) {
            throw new InvalidDestinationException("The destination must not be null");
        }
        return Destinations.of(target);
    }

    private static CompletionListener requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("The CompletionListener must not be null");
        }
        return listener;
    }

    private void send(FerryDestination target, Message message, int mode, int prio, long ttl,
                      CompletionListener listener) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("The message must not be null");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        // The engine's clock stamps timestamp, expiry and delivery time, so they agree with its delays and leases.
        long now = session.provider().time().millis();
        String id = disableMessageId ? null : "ID:" + java.util.UUID.randomUUID();
        stamp(message, target, mode, prio, ttl, now, id);
        FerryMessage wire = message instanceof FerryMessage own ? own : FerryMessage.fromForeign(message);
        if (wire != message) {
            stamp(wire, target, mode, prio, ttl, now, id);
        }
        wire.setOriginConnectionId(session.connection().id());
        Outgoing outgoing = sender.prepare(target, wire, deliveryDelay, now);
        session.connection().markUsed();
        if (session.transaction() != null) {
            session.transaction().add(outgoing);
            if (listener != null) {
                CompletableFuture<Void> called = session.inSendOrder(CompletableFuture.completedFuture(null),
                        e -> complete(listener, message, e));
                lastCompletion = called;
                session.track(called);
            }
            return;
        }
        CompletableFuture<Void> sent = sender.send(target, outgoing);
        if (listener == null) {
            JmsErrors.await(sent);
            return;
        }
        // What close() and commit() wait for is the callback's return, not just the send (JMS 2.0 §7.3.8); and a
        // failure is the CompletionListener's to hear, not the connection's ExceptionListener's.
        CompletableFuture<Void> called = session.inSendOrder(sent, e -> complete(listener, message, e));
        lastCompletion = called;
        session.track(called);
    }

    private void stamp(Message m, FerryDestination target, int mode, int prio, long ttl, long now, String id)
            throws JMSException {
        m.setJMSDestination(target);
        m.setJMSDeliveryMode(mode);
        m.setJMSPriority(prio);
        m.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        m.setJMSTimestamp(disableMessageTimestamp ? 0 : now);
        m.setJMSDeliveryTime(now + deliveryDelay);
        m.setJMSMessageID(id);
    }

    /** Calls the listener on the session's completion thread; the future completes when it has returned. */
    private CompletableFuture<Void> complete(CompletionListener listener, Message message, Throwable failure) {
        CompletableFuture<Void> returned = new CompletableFuture<>();
        session.completions().execute(() -> {
            COMPLETING.set(session);
            try {
                if (failure == null) {
                    listener.onCompletion(message);
                } else {
                    listener.onException(message, JmsErrors.toJms(failure));
                }
            } catch (RuntimeException listenerFailed) {
                // the application's own failure: nothing for the provider to do about it
            } finally {
                COMPLETING.remove();
                returned.complete(null);
            }
        });
        return returned;
    }
}
