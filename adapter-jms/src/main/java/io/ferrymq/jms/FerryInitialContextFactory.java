package io.ferrymq.jms;

import io.ferrymq.jms.jndi.FerryJndiContext;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

/**
 * JNDI for unchanged legacy configuration, with the conventions of Artemis and qpid-jms so a jndi.properties moves
 * over by changing the factory class and the URLs:
 * <pre>
 * java.naming.factory.initial = io.ferrymq.jms.FerryInitialContextFactory
 * connectionFactory.orders    = ferry:embedded?prefetch=5
 * queue.jms/Orders            = orders
 * topic.jms/Prices            = prices
 * </pre>
 * {@code ConnectionFactory} (also {@code QueueConnectionFactory}, {@code TopicConnectionFactory}) is there by
 * default, on {@code java.naming.provider.url} if given, else {@code ferry:embedded}, as is every name listed in
 * ActiveMQ Classic's {@code connectionFactoryNames}; {@code dynamicQueues/<name>}
 * and {@code dynamicTopics/<name>} name any queue or topic without configuring it.
 */
public final class FerryInitialContextFactory implements InitialContextFactory {
    static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";
    static final String CONNECTION_FACTORY_NAMES = "connectionFactoryNames";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, Object> bindings = new HashMap<>();
        Object providerUrl = environment.get(Context.PROVIDER_URL);
        String defaultUrl = providerUrl == null ? "ferry:embedded" : providerUrl.toString();
        for (String name : new String[] {"ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory"}) {
            bindings.put(name, factory(name, defaultUrl));
        }
        // ActiveMQ Classic's way of naming more factories on the provider URL.
        Object classicNames = environment.get(CONNECTION_FACTORY_NAMES);
        if (classicNames != null) {
            for (String name : classicNames.toString().split(",")) {
                if (!name.isBlank()) {
                    bindings.put(name.trim(), factory(name.trim(), defaultUrl));
                }
            }
        }
        for (Map.Entry<?, ?> e : environment.entrySet()) {
            String key = e.getKey().toString();
            String value = String.valueOf(e.getValue());
            if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                String name = key.substring(CONNECTION_FACTORY_PREFIX.length());
                bindings.put(name, factory(name, value));
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bindings.put(key.substring(QUEUE_PREFIX.length()), new FerryQueue(value));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bindings.put(key.substring(TOPIC_PREFIX.length()), new FerryTopic(value));
            }
        }
        return new FerryJndiContext(environment, bindings);
    }

    private static FerryConnectionFactory factory(String name, String url) throws NamingException {
        try {
            return new FerryConnectionFactory(url);
        } catch (IllegalArgumentException e) {
            NamingException ne = new javax.naming.ConfigurationException("Connection factory '" + name + "': "
                    + e.getMessage());
            ne.setRootCause(e);
            throw ne;
        }
    }
}
