package io.ferrymq.jms;

import io.ferrymq.jms.message.FerryBytesMessage;
import io.ferrymq.jms.message.FerryMapMessage;
import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.message.FerryObjectMessage;
import io.ferrymq.jms.message.FerryStreamMessage;
import io.ferrymq.jms.message.FerryTextMessage;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JMS session: the unit of ordering, acknowledgement and transactions. What the application has received and
 * not yet settled (CLIENT_ACKNOWLEDGE, or a transaction) is {@code held}, with its leases kept alive; sends of a
 * transaction wait in {@link Transaction} until commit.
 */
public final class FerrySession implements Session, QueueSession, TopicSession {
    private final FerryConnection connection;
    private final FerryProvider provider;
    private final int mode;
    private final Domain domain;
    private final List<FerryMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<FerryMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<FerryQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    private final List<Delivery> held = new ArrayList<>();
    private final Transaction transaction;
    private final SessionDispatcher dispatcher;
    private final SerialExecutor completions;
    private final List<CompletableFuture<?>> outstanding = new ArrayList<>();
    /**
     * AUTO and DUPS_OK messages listeners have consumed in the current delivery pass, deleted together (ten at most)
     * when the pass ends: one engine call, and on a durable engine one journal record and sync, instead of one per
     * message. Touched only by the dispatcher, under its delivery lock.
     */
    private final List<Delivery> consumedByListeners = new ArrayList<>(SETTLE_BATCH);
    private static final int SETTLE_BATCH = 10;
    private volatile boolean closed;

    /** A QueueSession or TopicSession is kept to its own domain, as JMS 1.1 requires; a plain Session has both. */
    enum Domain { ANY, QUEUE, TOPIC }

    FerrySession(FerryConnection connection, int mode, Domain domain) {
        this.connection = connection;
        this.domain = domain;
        this.provider = connection.provider();
        this.mode = mode;
        this.transaction = mode == SESSION_TRANSACTED ? new Transaction(provider) : null;
        this.dispatcher = new SessionDispatcher(this, provider.dispatchThreads());
        this.completions = new SerialExecutor(provider.dispatchThreads());
    }

    FerryConnection connection() {
        return connection;
    }

    FerryProvider provider() {
        return provider;
    }

    List<FerryMessageConsumer> consumers() {
        return consumers;
    }

    SessionDispatcher dispatcher() {
        return dispatcher;
    }

    SerialExecutor completions() {
        return completions;
    }

    Transaction transaction() {
        return transaction;
    }

    boolean isClosed() {
        return closed;
    }

    /** True while the session may hand messages to listeners. */
    boolean canDeliver() {
        return !closed && connection.isStarted();
    }

    static boolean isListenerThreadOf(FerryConnection connection) {
        FerrySession s = SessionDispatcher.deliveringSession();
        return s != null && s.connection == connection;
    }

    private void checkDomain(Domain needed, String what) throws IllegalStateException {
        if (domain != Domain.ANY && domain != needed) {
            throw new IllegalStateException(what + " is not available on a " + domain.name().charAt(0)
                    + domain.name().substring(1).toLowerCase() + "Session");
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The session is closed");
        }
        connection.checkOpen();
    }

    // ---- messages ----

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new FerryBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new FerryMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new FerryMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new FerryObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage m = createObjectMessage();
        m.setObject(object);
        return m;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new FerryStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new FerryTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        TextMessage m = createTextMessage();
        m.setText(text);
        return m;
    }

    // ---- session state ----

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    int mode() {
        return mode;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        throw new JMSException("Session-level message listeners are an application-server facility FerryMQ does "
                + "not offer; set a listener on a MessageConsumer");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("Session.run is an application-server facility");
    }

    // ---- acknowledgement and transactions ----

    /** A message just went to the application: settle it now (AUTO, DUPS_OK) or hold it until ack or commit. */
    FerryMessage handOver(Delivery d, boolean listener) {
        FerryMessage m = d.message();
        if (mode == CLIENT_ACKNOWLEDGE) {
            m.setAcknowledgeCallback(this::acknowledge);
        }
        if (mode == CLIENT_ACKNOWLEDGE || mode == SESSION_TRANSACTED) {
            synchronized (held) {
                held.add(d);
            }
        } else if (!listener) {
            track(Settlement.consumeUnsynced(provider, List.of(d)));
        }
        return m;
    }

    void deliverToListener(FerryMessageConsumer consumer, Delivery d) {
        MessageListener listener = consumer.listener();
        if (listener == null) {
            consumer.putBack(d);
            return;
        }
        FerryMessage m = handOver(d, true);
        try {
            listener.onMessage(m);
        } catch (RuntimeException e) {
            // The spec: a listener that throws in AUTO or DUPS_OK mode gets the message again at once.
            if (mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE) {
                track(Settlement.redeliver(provider, List.of(d)));
                consumer.pump();
                return;
            }
        }
        if (mode == AUTO_ACKNOWLEDGE || mode == DUPS_OK_ACKNOWLEDGE) {
            consumedByListeners.add(d);
            if (consumedByListeners.size() >= SETTLE_BATCH) {
                settleConsumedByListeners();
            }
        }
        consumer.pump();
    }

    /** Deletes what listeners consumed in this delivery pass; the dispatcher calls it as each pass ends. */
    void settleConsumedByListeners() {
        if (!consumedByListeners.isEmpty()) {
            track(Settlement.consumeUnsynced(provider, List.copyOf(consumedByListeners)));
            consumedByListeners.clear();
        }
    }

    /** CLIENT_ACKNOWLEDGE: everything this session has delivered is consumed. */
    void acknowledge() throws JMSException {
        if (closed) {
            throw new IllegalStateException("The session of this message is closed");
        }
        JmsErrors.await(Settlement.consume(provider, takeHeld()));
    }

    private List<Delivery> takeHeld() {
        synchronized (held) {
            List<Delivery> all = new ArrayList<>(held);
            held.clear();
            return all;
        }
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (transaction == null) {
            throw new IllegalStateException("commit() needs a transacted session");
        }
        checkNotCompletionThread("commit");
        awaitOutstanding();
        try {
            transaction.flush();
        } catch (JMSException e) {
            JmsErrors.await(Settlement.redeliver(provider, takeHeld()));
            throw JmsErrors.withCause(new jakarta.jms.TransactionRolledBackException(
                    "The transaction's sends failed, so it was rolled back: " + e.getMessage()), e);
        }
        JmsErrors.await(Settlement.consume(provider, takeHeld()));
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (transaction == null) {
            throw new IllegalStateException("rollback() needs a transacted session");
        }
        checkNotCompletionThread("rollback");
        awaitOutstanding();
        transaction.discard();
        redeliverHeld();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (transaction != null) {
            throw new IllegalStateException("recover() is for non-transacted sessions; use rollback()");
        }
        redeliverHeld();
    }

    /** Held messages become visible again, counted; prefetched ones go back first so the order is kept. */
    private void redeliverHeld() throws JMSException {
        boolean ownThread = SessionDispatcher.deliveringSession() == this;
        if (!ownThread) {
            dispatcher.deliveryLock().lock();
        }
        try {
            for (FerryMessageConsumer c : consumers) {
                c.releasePrefetched();
            }
            JmsErrors.await(Settlement.redeliver(provider, takeHeld()));
        } finally {
            if (!ownThread) {
                dispatcher.deliveryLock().unlock();
            }
        }
        for (FerryMessageConsumer c : consumers) {
            c.pump();
        }
    }

    private final Object completionOrder = new Object();
    private CompletableFuture<Void> completionTail = CompletableFuture.completedFuture(null);

    /**
     * Calls {@code callback} with the outcome of {@code sent} (null or the failure) once every earlier send's
     * callback has returned: JMS 2.0 §7.3.6 wants CompletionListeners called in send order, and sends to different
     * queues (or to a durable engine) can complete in any order. The result completes when this callback returned.
     */
    CompletableFuture<Void> inSendOrder(CompletableFuture<?> sent,
                                        java.util.function.Function<Throwable, CompletableFuture<Void>> callback) {
        CompletableFuture<Throwable> outcome = sent.handle((r, e) -> e);
        synchronized (completionOrder) {
            CompletableFuture<Void> mine = completionTail.thenCombine(outcome, (earlier, e) -> e).thenCompose(callback);
            completionTail = mine;
            return mine;
        }
    }

    /** Remembers an engine action nobody waits for, so close() can wait for it. */
    void track(CompletableFuture<?> action) {
        synchronized (outstanding) {
            outstanding.removeIf(CompletableFuture::isDone);
            if (!action.isDone()) {
                outstanding.add(action);
            }
        }
        action.whenComplete((r, e) -> {
            if (e != null) {
                connection.onAsyncFailure(e);
            }
        });
    }

    private void awaitOutstanding() {
        List<CompletableFuture<?>> all;
        synchronized (outstanding) {
            all = new ArrayList<>(outstanding);
            outstanding.clear();
        }
        for (CompletableFuture<?> f : all) {
            try {
                f.join();
            } catch (RuntimeException ignored) {
                // already reported to the exception listener
            }
        }
    }

    private void checkNotCompletionThread(String what) throws IllegalStateException {
        if (FerryMessageProducer.isCompletionThreadOf(this)) {
            throw new IllegalStateException(what + "() must not be called from a CompletionListener");
        }
    }

    // ---- start, stop, close ----

    void start() {
        for (FerryMessageConsumer c : consumers) {
            c.pump();
        }
        dispatcher.wake();
    }

    /** Stops deliveries: pulls are withdrawn, prefetched messages handed back, a running listener finished. */
    void stop() {
        for (FerryMessageConsumer c : consumers) {
            c.pause();
        }
        if (SessionDispatcher.deliveringSession() != this) {
            dispatcher.deliveryLock().lock();
            dispatcher.deliveryLock().unlock();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (SessionDispatcher.deliveringSession() == this) {
            throw new IllegalStateException("A message listener must not close its own session");
        }
        checkNotCompletionThread("close");
        closed = true;
        dispatcher.deliveryLock().lock();
        JMSException first = null;
        try {
            for (FerryMessageConsumer c : consumers) {
                try {
                    c.close();
                } catch (JMSException e) {
                    first = first == null ? e : first;
                }
            }
            for (FerryQueueBrowser b : browsers) {
                b.close();
            }
            awaitOutstanding();
            if (transaction != null) {
                transaction.discard();
            }
            // Unacknowledged and uncommitted messages go back to the queue, counted as delivered.
            JmsErrors.await(Settlement.redeliver(provider, takeHeld()));
        } finally {
            dispatcher.deliveryLock().unlock();
            connection.removeSession(this);
        }
        for (FerryMessageProducer p : producers) {
            p.markClosed();
        }
        if (first != null) {
            throw first;
        }
    }

    void removeConsumer(FerryMessageConsumer c) {
        consumers.remove(c);
    }

    void removeBrowser(FerryQueueBrowser b) {
        browsers.remove(b);
    }

    boolean hasConsumerOn(FerryDestination destination) {
        return consumers.stream().anyMatch(c -> c.destination().equals(destination));
    }

    // ---- producers ----

    @Override
    public FerryMessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        FerryMessageProducer p = new FerryMessageProducer(this, destination == null ? null
                : Destinations.of(destination));
        producers.add(p);
        return p;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return createProducer(topic);
    }

    void removeProducer(FerryMessageProducer p) {
        producers.remove(p);
    }

    // ---- consumers ----

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        FerryDestination d = Destinations.require(destination);
        checkDomain(d.isTopic() ? Domain.TOPIC : Domain.QUEUE, "A consumer on " + d);
        return add(d.isTopic()
                ? Subscriptions.nonDurable(this, (FerryTopic) d, messageSelector, noLocal)
                : FerryMessageConsumer.onQueue(this, (FerryQueue) d, messageSelector));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createSharedConsumer");
        return add(Subscriptions.shared(this, Destinations.requireTopic(topic), sharedSubscriptionName,
                messageSelector, false));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createDurableSubscriber");
        return add(Subscriptions.durable(this, Destinations.requireTopic(topic), name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createSharedDurableConsumer");
        return add(Subscriptions.shared(this, Destinations.requireTopic(topic), name, messageSelector, true));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "unsubscribe");
        Subscriptions.unsubscribe(this, name);
    }

    private FerryMessageConsumer add(FerryMessageConsumer c) {
        consumers.add(c);
        if (connection.isStarted()) {
            c.pump();
        }
        return c;
    }

    // ---- browsers and destinations ----

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "createBrowser");
        FerryDestination d = Destinations.require(queue);
        FerryQueueBrowser b = new FerryQueueBrowser(this, (FerryQueue) d, messageSelector);
        browsers.add(b);
        return b;
    }

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "createQueue");
        if (queueName == null || queueName.isEmpty()) {
            throw new InvalidDestinationException("A queue name must not be empty");
        }
        return new FerryQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createTopic");
        if (topicName == null || topicName.isEmpty()) {
            throw new InvalidDestinationException("A topic name must not be empty");
        }
        return new FerryTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createTemporaryTopic");
        return connection.createTemporaryTopic();
    }
}
