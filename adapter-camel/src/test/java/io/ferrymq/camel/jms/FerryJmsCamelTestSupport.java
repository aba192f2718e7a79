package io.ferrymq.camel.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.engine.sqs.QueueAttributeName;
import io.ferrymq.jms.FerryConnectionFactory;
import io.ferrymq.jms.provider.EmbeddedEngines;
import io.ferrymq.jms.provider.FerryUrl;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.sjms2.Sjms2Component;
import org.apache.camel.test.junit5.CamelTestSupport;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real CamelContext whose {@code sjms2:} and {@code jms:} components run on a real {@link FerryConnectionFactory},
 * on an embedded engine of this test's own. {@code jms:} is the plain (non-Spring) {@link JmsComponent}; the routes
 * are added by each test. After the test the context is stopped first and the engine then shut down, so no consumer
 * outlives its engine.
 */
abstract class FerryJmsCamelTestSupport extends CamelTestSupport {
    protected final String engineName = "camel-jms-" + UUID.randomUUID();
    protected final FerryConnectionFactory connectionFactory = new FerryConnectionFactory(
            "ferry:embedded?name=" + engineName + factoryOptions());

    /** More URL options for this test's factory, each as {@code &name=value}. */
    protected String factoryOptions() {
        return "";
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        addComponents(camel);
        return camel;
    }

    /** Registers sjms2 and jms, each told its connection factory. */
    protected void addComponents(CamelContext camel) {
        Sjms2Component sjms2 = new Sjms2Component();
        sjms2.setConnectionFactory(connectionFactory);
        camel.addComponent("sjms2", sjms2);
        camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
    }

    /** The engine behind this test's factory, for looking behind the JMS API. */
    protected Engine engine() {
        return EmbeddedEngines.engine(FerryUrl.parse(connectionFactory.getUrl())).engine();
    }

    /** Visible plus in-flight messages in the SQS queues whose names start so (delayed ones not counted). */
    protected long messagesInQueuesNamed(String prefix) throws Exception {
        long n = 0;
        for (String url : engine().listQueues(new ListQueuesRequest(prefix, null, null)).get().queueUrls()) {
            Map<String, String> a = engine().getQueueAttributes(url, List.of(QueueAttributeName.ALL)).get();
            n += Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        }
        return n;
    }

    /** The messages visible on the queue (not those in flight or delayed), read with a plain JMS browser. */
    protected List<Message> browse(String queue) throws JMSException {
        try (Connection c = connectionFactory.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Message> visible = new ArrayList<>();
            for (Enumeration<?> e = s.createBrowser(s.createQueue(queue)).getEnumeration(); e.hasMoreElements(); ) {
                visible.add((Message) e.nextElement());
            }
            return visible;
        }
    }

    @Override
    protected void cleanupResources() throws Exception {
        try {
            context.stop();
        } finally {
            EmbeddedEngines.shutdown(engineName);
        }
    }
}
