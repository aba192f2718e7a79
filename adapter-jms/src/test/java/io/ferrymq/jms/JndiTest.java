package io.ferrymq.jms;

import io.ferrymq.jms.provider.EmbeddedEngines;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import java.util.Hashtable;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JNDI as a legacy jndi.properties uses it: connection factories, queues and topics by name, typos caught. */
class JndiTest {
    private final String engine = "jndi-" + UUID.randomUUID();

    @AfterEach
    void stopEngine() {
        EmbeddedEngines.shutdown(engine);
    }

    private static InitialContext jndi(String... keysAndValues) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, FerryInitialContextFactory.class.getName());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new InitialContext(env);
    }

    @Test
    void configuredFactoriesQueuesAndTopicsAreBoundByName() throws Exception {
        InitialContext ctx = jndi(
                "connectionFactory.orders", "ferry:embedded?name=" + engine + "&prefetch=3",
                "queue.jms/Orders", "orders",
                "topic.jms/Prices", "prices");
        Object cf = ctx.lookup("orders");
        assertThat(cf).isInstanceOf(FerryConnectionFactory.class);
        assertThat(((FerryConnectionFactory) cf).getUrl()).isEqualTo("ferry:embedded?name=" + engine + "&prefetch=3");
        assertThat(((FerryConnectionFactory) cf).provider().options().prefetch()).isEqualTo(3);
        assertThat(((Queue) ctx.lookup("jms/Orders")).getQueueName()).isEqualTo("orders");
        assertThat(((Topic) ctx.lookup("jms/Prices")).getTopicName()).isEqualTo("prices");
    }

    @Test
    void lookedUpObjectsWorkEndToEnd() throws Exception {
        InitialContext ctx = jndi(
                "connectionFactory.cf", "ferry:embedded?name=" + engine,
                "queue.jms/Work", "work");
        ConnectionFactory cf = (ConnectionFactory) ctx.lookup("cf");
        Queue q = (Queue) ctx.lookup("jms/Work");
        try (JMSContext jms = cf.createContext()) {
            jms.createProducer().send(q, "via jndi");
            assertThat(jms.createConsumer((Queue) ctx.lookup("dynamicQueues/work")).receiveBody(String.class, 5000))
                    .isEqualTo("via jndi");
        }
    }

    @Test
    void dynamicQueuesAndTopicsNeedNoConfiguration() throws Exception {
        InitialContext ctx = jndi();
        assertThat(((Queue) ctx.lookup("dynamicQueues/anything.at.all")).getQueueName()).isEqualTo("anything.at.all");
        assertThat(((Topic) ctx.lookup("dynamicTopics/some.topic")).getTopicName()).isEqualTo("some.topic");
    }

    @Test
    void theDefaultFactoriesAreBoundOnTheProviderUrl() throws Exception {
        InitialContext ctx = jndi(Context.PROVIDER_URL, "ferry:embedded?name=" + engine + "&prefetch=2");
        for (String name : new String[] {"ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory"}) {
            FerryConnectionFactory cf = (FerryConnectionFactory) ctx.lookup(name);
            assertThat(cf.getUrl()).isEqualTo("ferry:embedded?name=" + engine + "&prefetch=2");
        }
        assertThat(ctx.lookup("QueueConnectionFactory")).isInstanceOf(QueueConnectionFactory.class);
        assertThat(ctx.lookup("TopicConnectionFactory")).isInstanceOf(TopicConnectionFactory.class);
    }

    @Test
    void anUnboundNameIsNotFoundWithAHint() throws Exception {
        InitialContext ctx = jndi();
        assertThatThrownBy(() -> ctx.lookup("jms/Missing")).isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("queue.jms/Missing");
    }

    @Test
    void anUnknownUrlOptionFailsNamingTheOptionAndTheFactory() {
        assertThatThrownBy(() -> jndi("connectionFactory.typo", "ferry:embedded?prefetsh=3"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prefetsh").hasMessageContaining("typo");
    }

    @Test
    void aMalformedOptionValueFailsNamingTheOption() {
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?prefetch=ten"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("prefetch").hasMessageContaining("ten");
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?autoCreate=yes"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("autoCreate");
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?leaseSeconds=1"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("leaseSeconds");
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?prefetch"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("prefetch");
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?prefetch=3&prefetch=4"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("prefetch");
    }

    @Test
    void optionsThatGoTogetherAreCheckedTogether() {
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?maxReceiveCount=3"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxReceiveCount").hasMessageContaining("deadLetterQueue");
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "ferry:embedded?deadLetterQueue=DLQ"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxReceiveCount").hasMessageContaining("deadLetterQueue");
    }

    @Test
    void anUnsupportedUrlFailsSayingWhatIsSupported() {
        assertThatThrownBy(() -> jndi("connectionFactory.cf", "tcp://localhost:61616"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ferry:embedded");
    }

    @Test
    void theFactoryConstructorRejectsABadUrlNamingTheOption() {
        assertThatThrownBy(() -> new FerryConnectionFactory("ferry:embedded?leaseSecs=30"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseSecs")
                .hasMessageContaining("leaseSeconds");
    }
}
