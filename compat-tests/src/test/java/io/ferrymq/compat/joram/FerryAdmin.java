package io.ferrymq.compat.joram;

import io.ferrymq.jms.FerryConnectionFactory;
import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTopic;
import io.ferrymq.jms.provider.FerryUrl;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * JORAM against FerryMQ's Jakarta Messaging provider, through its public API only: every connection factory is a
 * {@link FerryConnectionFactory} on one embedded engine, and queues and topics are {@link FerryQueue}/{@link FerryTopic}
 * objects bound in this admin's own JNDI context. The engine's URL is {@code -Djoram.ferry.url}, else the
 * {@code joram.ferry.url} of the run's provider.properties (src/test/joram/ferry-durable names a durable engine
 * there), else {@value #DEFAULT_URL}, in memory. A durable engine's directory is emptied when the run starts, so every
 * run recovers only its own journal.
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

    /** The run's engine URL: read, and a durable engine's directory emptied, once per test JVM. */
    private static final String URL = startingUrl();

    private final boolean fresh = Boolean.parseBoolean(System.getProperty("joram.ferry.freshDestinations", "true"));

    @Override
    public void startServer() {
    }

    @Override
    public void stopServer() {
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return new FerryConnectionFactory(URL);
    }

    @Override
    protected QueueConnectionFactory queueConnectionFactory() {
        return new FerryConnectionFactory(URL);
    }

    @Override
    protected TopicConnectionFactory topicConnectionFactory() {
        return new FerryConnectionFactory(URL);
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

    /** The run's engine URL (see the class comment); a durable engine's directory is emptied on the way. */
    private static String startingUrl() {
        String url = System.getProperty("joram.ferry.url");
        if (url == null) {
            Properties provider = new Properties();
            String file = System.getProperty("joram.jms.test.file", "provider.properties"); // as JORAM finds it
            try (InputStream in = FerryAdmin.class.getClassLoader().getResourceAsStream(file)) {
                if (in != null) {
                    provider.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            url = provider.getProperty("joram.ferry.url", DEFAULT_URL);
        }
        Path dataDir = FerryUrl.parse(url).dataDir();
        if (dataDir != null && Files.exists(dataDir)) {
            try (Stream<Path> all = Files.walk(dataDir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty " + dataDir, e);
            }
        }
        return url;
    }
}
