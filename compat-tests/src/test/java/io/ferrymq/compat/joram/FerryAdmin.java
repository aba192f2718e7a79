package io.ferrymq.compat.joram;

import io.ferrymq.jms.FerryConnectionFactory;
import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * JORAM against FerryMQ's Jakarta Messaging provider, through its public API only: every connection factory is a
 * {@link FerryConnectionFactory} on one embedded engine ({@value #DEFAULT_URL}, or {@code -Djoram.ferry.url}), and
 * queues and topics are {@link FerryQueue}/{@link FerryTopic} objects bound in this admin's own JNDI context.
 *
 * <p>Fresh destinations per test. JORAM reuses one queue name ({@code testJoramQueue}) and one topic name
 * ({@code testJoramTopic}) in every test and counts on the admin to delete them, with whatever they still hold, in
 * tearDown: about twenty tests leave a message behind (a selector test's non-matching message, a stopped consumer's
 * message, a second send nobody receives) and one leaves a durable subscription. SQS allows neither a quick purge
 * (PurgeQueue once per 60 s) nor a quick re-creation (a deleted queue's name is reusable after 60 s), and the
 * provider has no administrative API. So each createQueue/createTopic binds JORAM's JNDI name to a destination with a
 * name of its own ({@code testJoramQueue-<run>-<n>}): what a test leaves behind is never seen by the next. The
 * engine-side queue or topic is whatever the provider makes of a name it has not seen; deleteQueue/deleteTopic only
 * unbind. {@code -Djoram.ferry.freshDestinations=false} binds JORAM's names as they are, to see what shared
 * destinations do.
 *
 * <p>The embedded engine lives as long as the provider keeps it; startServer/stopServer have nothing to do.
 *
 * <p>Named in src/test/joram/ferry/provider.properties.
 */
public final class FerryAdmin extends JoramAdmin {
    static final String DEFAULT_URL = "ferry:embedded?name=joram";

    /** Tells this run's destinations from those of earlier runs, should the engine outlive a JVM. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String url = System.getProperty("joram.ferry.url", DEFAULT_URL);
    private final boolean fresh = Boolean.parseBoolean(System.getProperty("joram.ferry.freshDestinations", "true"));

    @Override
    public void startServer() {
    }

    @Override
    public void stopServer() {
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return new FerryConnectionFactory(url);
    }

    @Override
    protected QueueConnectionFactory queueConnectionFactory() {
        return new FerryConnectionFactory(url);
    }

    @Override
    protected TopicConnectionFactory topicConnectionFactory() {
        return new FerryConnectionFactory(url);
    }

    @Override
    protected Queue declareQueue(String name) {
        return new FerryQueue(physicalName(name));
    }

    @Override
    protected Topic declareTopic(String name) {
        return new FerryTopic(physicalName(name));
    }

    @Override
    protected void dropQueue(String name) {
    }

    @Override
    protected void dropTopic(String name) {
    }

    /** An SQS/SNS-valid name ({@code [A-Za-z0-9_-]}, at most 80 characters) for JORAM's JNDI name. */
    private String physicalName(String jndiName) {
        return fresh ? jndiName + "-" + RUN + "-" + SEQUENCE.incrementAndGet() : jndiName;
    }
}
