package io.ferrymq.jms;

import io.ferrymq.engine.Capability;
import io.ferrymq.engine.sqs.BrowseRequest;
import io.ferrymq.engine.sqs.BrowseResult;
import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.message.WireCodec;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import io.ferrymq.jms.selector.JmsSelector;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.NoSuchElementException;

/**
 * Looks at a queue's waiting messages without taking them (the engine's BROWSE: no lease, no receive counted).
 * Pages are fetched as the enumeration advances; messages in flight to a consumer, delayed or expired are not
 * shown, and the selector is applied here.
 */
final class FerryQueueBrowser implements QueueBrowser {
    private final FerrySession session;
    private final FerryQueue queue;
    private final JmsSelector selector;
    private final String queueUrl;
    private volatile boolean closed;

    FerryQueueBrowser(FerrySession session, FerryQueue queue, String selectorText) throws JMSException {
        this.session = session;
        this.queue = queue;
        this.selector = JmsSelector.parse(selectorText);
        FerryProvider provider = session.provider();
        if (!provider.has(Capability.BROWSE)) {
            throw new JMSException("This engine cannot browse queues without taking their messages");
        }
        this.queueUrl = queue.isTemporary() ? provider.destinations().existingQueueUrl(queue.name())
                : provider.destinations().queueUrl(queue.name());
        session.connection().markUsed();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector.text();
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Pages();
    }

    @Override
    public void close() {
        closed = true;
        session.removeBrowser(this);
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The browser is closed");
        }
        session.checkOpen();
    }

    /** Walks the queue a page of ten at a time, from a cursor the engine keeps valid as messages come and go. */
    private final class Pages implements Enumeration<Message> {
        private final Deque<Message> page = new ArrayDeque<>();
        private String cursor;
        private boolean exhausted;

        @Override
        public boolean hasMoreElements() {
            while (page.isEmpty() && !exhausted && !closed) {
                fetch();
            }
            return !page.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException();
            }
            return page.poll();
        }

        private void fetch() {
            BrowseResult r;
            try {
                r = JmsErrors.await(session.provider().engine().browseMessages(
                        BrowseRequest.of(queueUrl).withCursor(cursor)));
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e.getMessage(), e);
            }
            long now = session.provider().time().millis();
            for (io.ferrymq.engine.sqs.Message m : r.messages()) {
                FerryMessage fm = WireCodec.decode(m, false);
                fm.setJMSDestination(queue);
                long exp = fm.getJMSExpiration();
                if ((exp == 0 || exp > now) && selector.matches(fm)) {
                    page.add(fm);
                }
            }
            cursor = r.nextCursor();
            exhausted = cursor == null;
        }
    }
}
