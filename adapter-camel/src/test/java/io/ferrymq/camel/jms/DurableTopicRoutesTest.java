package io.ferrymq.camel.jms;

import io.ferrymq.engine.sqs.ListQueuesRequest;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route on a durable topic subscription with a selector: what is published while the route is stopped waits in the
 * subscription (an SQS queue subscribed to the SNS topic) and is delivered when the route starts again; messages the
 * selector does not match never reach the subscription.
 */
class DurableTopicRoutesTest extends FerryJmsCamelTestSupport {
    private static final String SELECTOR = "region = 'eu'";
    /** FerryMQ's durable subscriptions are the queues named ferry-dsub-(client)-(name)-... (docs/jms-mapping.md). */
    private static final String AUDIT_SUBSCRIPTION = "ferry-dsub-camel-audit-audit";

    @Test
    void sjms2() throws Exception {
        // sjms2 creates its consumer, and so the subscription, while the route starts.
        durableSubscriptionOutlivesTheStoppedRoute("sjms2:topic:orders",
                "sjms2:topic:orders?durableSubscriptionName=audit&clientId=camel-audit"
                        + "&messageSelector=RAW(" + SELECTOR + ")");
    }

    @Test
    void jms() throws Exception {
        // Spring's listener container creates its consumer on a thread of its own after the route has started, so
        // what is published first could precede the subscription (as on any broker). The subscription is therefore
        // made first, with plain JMS and the same client ID, name and selector; the route must take it over as it
        // is: a different selector would replace it, and lose eu-1 and eu-2.
        provision("camel-audit", "audit", SELECTOR);
        durableSubscriptionOutlivesTheStoppedRoute("jms:topic:orders",
                "jms:topic:orders?subscriptionDurable=true&durableSubscriptionName=audit&clientId=camel-audit"
                        + "&selector=RAW(" + SELECTOR + ")");
    }

    /**
     * A transacted route on a durable subscription: the rolled-back message comes back from the subscription's queue.
     * camel-jms needs {@code cacheLevelName=CACHE_CONSUMER} here: with {@code transacted=true} alone it caches
     * nothing, and the transaction manager's connections (plain {@code createConnection()}) carry no client ID, which
     * an unshared durable subscription requires (docs/camel-jms.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "sjms2:topic:orders?durableSubscriptionName=billing&clientId=camel-billing&transacted=true",
            "jms:topic:orders?durableSubscriptionName=billing&clientId=camel-billing&transacted=true"
                    + "&cacheLevelName=CACHE_CONSUMER"})
    void aTransactedRouteOnADurableSubscriptionIsGivenARolledBackMessageAgain(String uri) throws Exception {
        provision("camel-billing", "billing", null);
        List<Integer> deliveryCounts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&includeAllJMSXProperties=true").routeId("billing")
                        .process(e -> {
                            deliveryCounts.add(e.getIn().getHeader("JMSXDeliveryCount", Integer.class));
                            if (deliveryCounts.size() == 1) {
                                throw new IllegalStateException("the first delivery fails");
                            }
                        })
                        .to("mock:billing");
            }
        });
        MockEndpoint billing = getMockEndpoint("mock:billing");
        billing.expectedBodiesReceived("order-1");
        billing.expectedHeaderReceived("JMSRedelivered", true);

        template.sendBody(uri.substring(0, uri.indexOf('?')), "order-1");

        billing.assertIsSatisfied();
        assertThat(deliveryCounts).containsExactly(1, 2);
        context.getRouteController().stopRoute("billing");
        assertThat(messagesInQueuesNamed("ferry-dsub-camel-billing-billing")).as("committed").isZero();
    }

    /**
     * A shared durable subscription (JMS 2.0, no client ID) with two consumers: one queue they compete on, so each
     * message reaches the route once.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "sjms2:topic:orders?shared=true&durable=true&subscriptionId=workers&concurrentConsumers=2",
            "jms:topic:orders?subscriptionShared=true&subscriptionDurable=true&subscriptionName=workers"
                    + "&concurrentConsumers=2"})
    void aSharedDurableSubscriptionGivesEachMessageToOneOfItsConsumers(String uri) throws Exception {
        try (Connection c = connectionFactory.createConnection()) { // made first, for camel-jms (see jms())
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createSharedDurableConsumer(s.createTopic("orders"), "workers").close();
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("workers").to("mock:workers");
            }
        });
        MockEndpoint workers = getMockEndpoint("mock:workers");
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            sent.add("order-" + i);
        }
        workers.expectedBodiesReceivedInAnyOrder(sent.toArray());

        for (String body : sent) {
            template.sendBody(uri.substring(0, uri.indexOf('?')), body);
        }

        workers.assertIsSatisfied();
        context.getRouteController().stopRoute("workers");
        assertThat(workers.getReceivedCounter()).isEqualTo(10);
        assertThat(messagesInQueuesNamed("ferry-dsub-")).isZero();
    }

    /** Makes a durable subscription with plain JMS, and leaves it without a consumer. */
    private void provision(String clientId, String name, String selector) throws Exception {
        try (Connection c = connectionFactory.createConnection()) {
            c.setClientID(clientId);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createDurableSubscriber(s.createTopic("orders"), name, selector, false).close();
        }
    }

    private void durableSubscriptionOutlivesTheStoppedRoute(String topic, String subscriber) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscriber).routeId("audit").to("mock:audit");
            }
        });
        MockEndpoint audit = getMockEndpoint("mock:audit");
        audit.expectedBodiesReceived("eu-1", "eu-2");
        template.sendBodyAndHeader(topic, "eu-1", "region", "eu");
        template.sendBodyAndHeader(topic, "us-1", "region", "us");
        template.sendBodyAndHeader(topic, "eu-2", "region", "eu");
        audit.assertIsSatisfied();

        context.getRouteController().stopRoute("audit");
        audit.reset();
        audit.expectedBodiesReceived("eu-3", "eu-4");
        audit.expectedHeaderReceived("region", "eu");
        template.sendBodyAndHeader(topic, "eu-3", "region", "eu");
        template.sendBodyAndHeader(topic, "us-2", "region", "us");
        template.sendBodyAndHeader(topic, "eu-4", "region", "eu");
        assertThat(messagesInQueuesNamed(AUDIT_SUBSCRIPTION))
                .as("the stopped route's subscription keeps eu-3 and eu-4; the selector kept us-2 out")
                .isEqualTo(2);
        assertThat(audit.getReceivedCounter()).isZero();

        context.getRouteController().startRoute("audit");
        audit.assertIsSatisfied();

        context.getRouteController().stopRoute("audit");
        assertThat(messagesInQueuesNamed(AUDIT_SUBSCRIPTION)).as("all acknowledged").isZero();
        assertThat(engine().listQueues(new ListQueuesRequest("ferry-dsub-", null, null)).get().queueUrls())
                .as("one durable subscription throughout").hasSize(1);
    }
}
