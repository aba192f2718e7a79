package io.ferrymq.camel.jms;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

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
        try (Connection c = connectionFactory.createConnection()) {
            c.setClientID("camel-audit");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createDurableSubscriber(s.createTopic("orders"), "audit", SELECTOR, false).close();
        }
        durableSubscriptionOutlivesTheStoppedRoute("jms:topic:orders",
                "jms:topic:orders?subscriptionDurable=true&durableSubscriptionName=audit&clientId=camel-audit"
                        + "&selector=RAW(" + SELECTOR + ")");
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
        assertThat(engine().listQueues(new io.ferrymq.engine.sqs.ListQueuesRequest("ferry-dsub-", null, null)).get()
                .queueUrls()).as("one durable subscription throughout").hasSize(1);
    }
}
