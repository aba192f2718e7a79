package io.ferrymq.jms;

import io.ferrymq.engine.Capability;
import io.ferrymq.engine.MessageFilter;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.message.WireCodec;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import io.ferrymq.jms.provider.LeaseKeeper;
import io.ferrymq.jms.selector.JmsSelector;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives from one SQS queue: a JMS queue's, or a topic subscription's. A synchronous receive pulls exactly one
 * message when asked, so an idle consumer holds nothing another could take; a MessageListener consumer keeps up to
 * {@code prefetch} messages ahead, leased and kept alive, and hands them back uncounted when stopped or closed.
 * Expired messages, a noLocal subscriber's own messages and (on topics) messages the selector rejects are deleted
 * unseen; a topic message not yet due is hidden until its delivery time.
 */
public final class FerryMessageConsumer implements MessageConsumer, QueueReceiver, TopicSubscriber {
    private static final long MAX_WAIT_MS = 20_000;

    private final FerrySession session;
    private final FerryProvider provider;
    private final FerryDestination destination;
    private final JmsSelector selector;
    private final boolean noLocal;
    private final String queueUrl;
    private final boolean topicSubscription;
    private final MessageFilter engineFilter;
    private final OnClose onClose;
    private final Object lock = new Object();
    private final Deque<Delivery> buffer = new ArrayDeque<>();
    private CompletableFuture<ReceiveMessageResult> pull;
    private volatile MessageListener listener;
    private volatile boolean closed;

    FerryMessageConsumer(FerrySession session, FerryDestination destination, JmsSelector selector, boolean noLocal,
                         String queueUrl, boolean topicSubscription, OnClose onClose) {
        this.session = session;
        this.provider = session.provider();
        this.destination = destination;
        this.selector = selector;
        this.noLocal = noLocal;
        this.queueUrl = queueUrl;
        this.topicSubscription = topicSubscription;
        this.onClose = onClose;
        // On a queue the engine applies the selector, so messages for other consumers are never touched.
        this.engineFilter = topicSubscription || selector.selectsEverything() ? null : this::acceptedByEngine;
    }

    /** A consumer on a JMS queue (only the creating connection may consume from a temporary one). */
    static FerryMessageConsumer onQueue(FerrySession session, FerryQueue queue, String selectorText)
            throws JMSException {
        JmsSelector selector = JmsSelector.parse(selectorText);
        FerryProvider provider = session.provider();
        if (!selector.selectsEverything() && !provider.has(Capability.SELECTIVE_RECEIVE)) {
            throw new JMSException("This engine cannot receive selectively, so queue consumers cannot take a "
                    + "selector here (topic subscriptions can)");
        }
        String url;
        if (queue.isTemporary()) {
            if (!session.connection().owns(queue)) {
                throw new InvalidDestinationException("Only the connection that created temporary queue "
                        + queue.name() + " can consume from it");
            }
            url = provider.destinations().existingQueueUrl(queue.name());
        } else {
            url = provider.destinations().queueUrl(queue.name());
        }
        session.connection().markUsed();
        return new FerryMessageConsumer(session, queue, selector, false, url, false, () -> { });
    }

    /** What closing the consumer does to its subscription: nothing, leave a shared one, or remove it. */
    @FunctionalInterface
    interface OnClose {
        void run() throws JMSException;
    }

    FerryDestination destination() {
        return destination;
    }

    String queueUrl() {
        return queueUrl;
    }

    MessageListener listener() {
        return listener;
    }

    private boolean acceptedByEngine(Message m) {
        FerryMessage fm = WireCodec.decode(m, false);
        return isExpired(fm) || selector.matches(fm);
    }

    /** Expiry is judged on the engine's clock, the one that stamped it, so a test clock decides it too. */
    private boolean isExpired(FerryMessage m) {
        long exp = m.getJMSExpiration();
        return exp != 0 && exp <= provider.time().millis();
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The consumer is closed");
        }
        session.checkOpen();
    }

    // ---- MessageConsumer ----

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector.text();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener value) throws JMSException {
        checkOpen();
        listener = value;
        if (value != null) {
            pump();
            session.dispatcher().wake();
        }
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return (Topic) destination;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    @Override
    public jakarta.jms.Message receive() throws JMSException {
        return receive(Long.MAX_VALUE, false, null);
    }

    @Override
    public jakarta.jms.Message receive(long timeout) throws JMSException {
        return receive(timeout <= 0 ? Long.MAX_VALUE : timeout, false, null);
    }

    @Override
    public jakarta.jms.Message receiveNoWait() throws JMSException {
        return receive(0, true, null);
    }

    /**
     * JMSConsumer.receiveBody: a receive whose message must have a body of that type. One that has not is not
     * acknowledged: in AUTO/DUPS_OK it is redelivered at once, as if the receive had not happened; in CLIENT and
     * transacted sessions it counts as received (acknowledge or commit settles it). Either way MessageFormatException.
     */
    jakarta.jms.Message receiveBody(Class<?> bodyType, long timeout, boolean noWait) throws JMSException {
        return receive(noWait ? 0 : timeout <= 0 ? Long.MAX_VALUE : timeout, noWait, bodyType);
    }

    private jakarta.jms.Message handOver(Delivery d, Class<?> bodyType) throws JMSException {
        if (bodyType == null || d.message().isBodyAssignableTo(bodyType)) {
            return session.handOver(d, false);
        }
        int mode = session.mode();
        if (mode == jakarta.jms.Session.AUTO_ACKNOWLEDGE || mode == jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE) {
            JmsErrors.await(Settlement.redeliver(provider, List.of(d)));
        } else {
            session.handOver(d, false);
        }
        throw new jakarta.jms.MessageFormatException("The message's body cannot be read as a "
                + bodyType.getName() + " (it is a " + d.message().getClass().getSimpleName() + ")");
    }

    private jakarta.jms.Message receive(long timeoutMs, boolean noWait, Class<?> bodyType) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("This consumer has a MessageListener; it cannot also receive()");
        }
        long start = System.currentTimeMillis();
        long deadline = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : start + timeoutMs;
        for (;;) {
            if (closed || session.isClosed()) {
                return null;
            }
            if (!session.connection().isStarted()) {
                if (noWait || !awaitStarted(deadline)) {
                    return null;
                }
                continue;
            }
            Delivery d = screened(takeBuffered());
            if (d != null) {
                return handOver(d, bodyType);
            }
            long remaining = noWait ? 0 : deadline - System.currentTimeMillis();
            if (!noWait && remaining <= 0) {
                return null;
            }
            List<Message> got = fetch(remaining);
            accept(got);
            if (got.isEmpty() && (noWait || System.currentTimeMillis() >= deadline)) {
                return screenedOrNull(bodyType);
            }
        }
    }

    private jakarta.jms.Message screenedOrNull(Class<?> bodyType) throws JMSException {
        Delivery d = screened(takeBuffered());
        return d == null ? null : handOver(d, bodyType);
    }

    private boolean awaitStarted(long deadline) {
        try {
            return session.connection().awaitStarted(deadline == Long.MAX_VALUE ? 0 : deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One synchronous pull: returns what arrived within {@code waitMs}, or nothing if it was withdrawn. */
    private List<Message> fetch(long waitMs) throws JMSException {
        int waitSeconds = waitMs <= 0 ? 0 : (int) Math.min(20, (waitMs + 999) / 1000);
        CompletableFuture<ReceiveMessageResult> f;
        synchronized (lock) {
            if (closed) {
                return List.of();
            }
            f = startPull(1, waitSeconds);
            pull = f;
        }
        try {
            ReceiveMessageResult r = waitMs <= 0 ? f.get() : f.get(Math.min(waitMs, MAX_WAIT_MS + 1000),
                    TimeUnit.MILLISECONDS);
            return r.messages();
        } catch (TimeoutException e) {
            // Withdrawn before anything came: nothing leased. Lost the race: what came is ours to keep.
            return f.cancel(false) ? List.of() : f.join().messages();
        } catch (CancellationException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return f.cancel(false) ? List.of() : f.join().messages();
        } catch (ExecutionException e) {
            throw JmsErrors.toJms(e.getCause());
        } finally {
            synchronized (lock) {
                if (pull == f) {
                    pull = null;
                }
            }
        }
    }

    private CompletableFuture<ReceiveMessageResult> startPull(int max, int waitSeconds) {
        ReceiveMessageRequest r = new ReceiveMessageRequest(queueUrl, max, provider.options().leaseSeconds(),
                waitSeconds, List.of(MessageSystemAttributeName.ALL), List.of(MessageSystemAttributeName.ALL), null);
        return engineFilter == null ? provider.engine().receiveMessage(r)
                : provider.engine().receiveMessage(r, engineFilter);
    }

    /** Received messages become deliveries with kept leases; a closed consumer hands them straight back. */
    private void accept(List<Message> messages) {
        accept(messages, null);
    }

    private void accept(List<Message> messages, CompletableFuture<ReceiveMessageResult> from) {
        if (messages.isEmpty()) {
            if (from != null) {
                synchronized (lock) {
                    if (pull == from) {
                        pull = null;
                    }
                }
            }
            return;
        }
        List<Delivery> deliveries = new ArrayList<>(messages.size());
        for (Message m : messages) {
            LeaseKeeper.Lease lease = provider.leases().hold(queueUrl, m.receiptHandle());
            FerryMessage fm = WireCodec.decode(m, topicSubscription);
            fm.setJMSDestination(destination);
            if (topicSubscription) {
                DeliveryTimes.discountEarlyReceive(fm, m);
            }
            deliveries.add(new Delivery(this, queueUrl, m.receiptHandle(), fm, lease));
        }
        synchronized (lock) {
            if (from != null && pull == from) {
                pull = null;
            }
            if (!closed) {
                buffer.addAll(deliveries);
                return;
            }
        }
        session.track(Settlement.release(provider, deliveries));
    }

    private Delivery takeBuffered() {
        synchronized (lock) {
            return buffer.poll();
        }
    }

    /**
     * The delivery if the application should see it; otherwise it is settled here and the next one is tried.
     */
    private Delivery screened(Delivery d) {
        while (d != null) {
            FerryMessage m = d.message();
            if (isExpired(m) || (noLocal && session.connection().id().equals(m.getOriginConnectionId()))
                    || (topicSubscription && !selector.matches(m))) {
                session.track(Settlement.consumeUnsynced(provider, List.of(d)));
            } else if (topicSubscription && DeliveryTimes.holdIfEarly(provider, d)) {
                d.lease().drop();
            } else {
                return d;
            }
            d = takeBuffered();
        }
        return null;
    }

    // ---- listener mode ----

    /** Keeps a listener consumer's prefetch topped up with one outstanding long poll. */
    void pump() {
        CompletableFuture<ReceiveMessageResult> f;
        synchronized (lock) {
            int room = provider.options().prefetch() - buffer.size();
            if (closed || listener == null || !session.canDeliver() || pull != null || room <= 0) {
                return;
            }
            f = startPull(room, 20);
            pull = f;
        }
        f.whenComplete((r, e) -> {
            if (e != null) {
                synchronized (lock) {
                    if (pull == f) {
                        pull = null;
                    }
                }
                if (!(JmsErrors.unwrap(e) instanceof CancellationException) && !closed) {
                    session.connection().onAsyncFailure(e);
                    // Try again a second later rather than spin on a queue that is gone.
                    provider.time().schedule(provider.time().millis() + 1000, this::pump);
                }
                return;
            }
            // The pull stays outstanding until its messages are buffered, so no later pull can overtake them.
            accept(r.messages(), f);
            if (!session.canDeliver()) {
                releasePrefetched();
                return;
            }
            session.dispatcher().wake();
            pump();
        });
    }

    Delivery pollForListener() {
        if (listener == null) {
            return null;
        }
        Delivery d = screened(takeBuffered());
        if (d == null) {
            pump();
        }
        return d;
    }

    boolean hasListenerWork() {
        synchronized (lock) {
            return listener != null && !buffer.isEmpty();
        }
    }

    void putBack(Delivery d) {
        synchronized (lock) {
            buffer.addFirst(d);
        }
    }

    /** Connection stopped: withdraw the long poll and hand back what was prefetched. */
    void pause() {
        cancelPull();
        releasePrefetched();
    }

    void releasePrefetched() {
        List<Delivery> all;
        synchronized (lock) {
            all = new ArrayList<>(buffer);
            buffer.clear();
        }
        if (!all.isEmpty()) {
            session.track(Settlement.release(provider, all));
        }
    }

    private void cancelPull() {
        CompletableFuture<ReceiveMessageResult> f;
        synchronized (lock) {
            f = pull;
        }
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        synchronized (lock) {
            closed = true;
        }
        cancelPull();
        session.connection().wakeWaiters();
        if (SessionDispatcher.deliveringSession() != session) {
            // The spec: close waits for a running onMessage to return.
            session.dispatcher().deliveryLock().lock();
            session.dispatcher().deliveryLock().unlock();
        }
        releasePrefetched();
        session.removeConsumer(this);
        onClose.run();
    }
}
