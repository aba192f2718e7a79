package io.ferrymq.compat.joram;

import io.ferrymq.jms.jndi.FerryJndiContext;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import org.objectweb.jtests.jms.admin.Admin;

import java.util.Hashtable;
import java.util.Map;
import javax.naming.Context;

/**
 * What every target's admin does the same way for JORAM: the JNDI side. JORAM creates a fresh admin in each test's
 * setUp, asks it to create the connection factories and destinations it needs, looks them up by name in
 * {@link #createContext()}, and deletes them in tearDown. A subclass supplies the provider's objects and, where the
 * provider has them, the broker-side queues and topics.
 *
 * <p>JORAM calls startServer/start in every setUp and stop/stopServer in every tearDown; a target that keeps one
 * broker for the whole run makes stopServer a no-op and relies on deleteQueue/deleteTopic for isolation.
 */
abstract class JoramAdmin implements Admin {
    // A flat in-memory context for every target, Artemis included: JORAM only looks up what the admin bound.
    private final FerryJndiContext context = new FerryJndiContext(new Hashtable<>(), Map.of());

    protected abstract ConnectionFactory connectionFactory();

    protected abstract QueueConnectionFactory queueConnectionFactory();

    protected abstract TopicConnectionFactory topicConnectionFactory();

    /** The destination object a client looks up, after the broker side exists. */
    protected abstract Queue declareQueue(String name) throws Exception;

    protected abstract Topic declareTopic(String name) throws Exception;

    protected abstract void dropQueue(String name) throws Exception;

    protected abstract void dropTopic(String name) throws Exception;

    @Override
    public String getName() {
        return getClass().getSimpleName();
    }

    @Override
    public Context createContext() {
        return context;
    }

    @Override
    public void createConnectionFactory(String name) {
        context.rebind(name, connectionFactory());
    }

    @Override
    public void createQueueConnectionFactory(String name) {
        context.rebind(name, queueConnectionFactory());
    }

    @Override
    public void createTopicConnectionFactory(String name) {
        context.rebind(name, topicConnectionFactory());
    }

    @Override
    public void deleteConnectionFactory(String name) {
        context.unbind(name);
    }

    @Override
    public void deleteQueueConnectionFactory(String name) {
        context.unbind(name);
    }

    @Override
    public void deleteTopicConnectionFactory(String name) {
        context.unbind(name);
    }

    @Override
    public void createQueue(String name) {
        try {
            context.rebind(name, declareQueue(name));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create queue " + name + " on " + getName(), e);
        }
    }

    @Override
    public void createTopic(String name) {
        try {
            context.rebind(name, declareTopic(name));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + name + " on " + getName(), e);
        }
    }

    @Override
    public void deleteQueue(String name) {
        context.unbind(name);
        try {
            dropQueue(name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot delete queue " + name + " on " + getName(), e);
        }
    }

    @Override
    public void deleteTopic(String name) {
        context.unbind(name);
        try {
            dropTopic(name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot delete topic " + name + " on " + getName(), e);
        }
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }
}
