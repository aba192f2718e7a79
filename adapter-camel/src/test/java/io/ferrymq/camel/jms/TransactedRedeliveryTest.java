package io.ferrymq.camel.jms;

import jakarta.jms.Connection;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transacted routes: a failing exchange rolls the JMS session back, FerryMQ makes the message visible again at once
 * with its receive count raised, and it comes back to the route. The factory gives every queue
 * {@code maxReceiveCount=3} and {@code deadLetterQueue=DLQ}, so a message that never succeeds ends in DLQ after
 * exactly three deliveries.
 *
 * <p>Each case is a route URI pattern: sjms2's transacted session; camel-jms with {@code transacted=true} alone
 * (Camel makes a Spring {@code JmsTransactionManager}, so the container opens a connection and session per
 * transaction); and camel-jms with the listener container's own transacted session
 * ({@code lazyCreateTransactionManager=false}).
 */
class TransactedRedeliveryTest extends FerryJmsCamelTestSupport {
    private static final int MAX_RECEIVE_COUNT = 3;

    private record Delivery(boolean redelivered, int deliveryCount) {
    }

    @Override
    protected String factoryOptions() {
        return "&maxReceiveCount=" + MAX_RECEIVE_COUNT + "&deadLetterQueue=DLQ";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sjms2:queue:%s?transacted=true",
            "jms:queue:%s?transacted=true",
            "jms:queue:%s?transacted=true&lazyCreateTransactionManager=false"})
    void aRolledBackMessageIsRedeliveredWithItsCountRaisedUntilItSucceeds(String uri) throws Exception {
        List<Delivery> deliveries = failingRoute(uri, "payments", MAX_RECEIVE_COUNT - 1);
        MockEndpoint done = getMockEndpoint("mock:payments");
        done.expectedBodiesReceived("pay-1");
        done.expectedHeaderReceived("JMSRedelivered", true);
        done.expectedHeaderReceived("JMSXDeliveryCount", 3);

        template.sendBodyAndHeader(String.format(uri, "payments"), "pay-1", "invoice", "INV-7");

        done.assertIsSatisfied();
        assertThat(deliveries).containsExactly(
                new Delivery(false, 1), new Delivery(true, 2), new Delivery(true, 3));
        assertThat(done.getExchanges().get(0).getIn().getHeader("invoice")).isEqualTo("INV-7");

        // Committed: once the route has stopped nothing is left, and nothing was dead-lettered.
        context.getRouteController().stopRoute("payments");
        assertThat(browse("payments")).isEmpty();
        assertThat(browse("DLQ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sjms2:queue:%s?transacted=true",
            "jms:queue:%s?transacted=true",
            "jms:queue:%s?transacted=true&lazyCreateTransactionManager=false"})
    void aMessageThatAlwaysFailsEndsInTheDeadLetterQueueAfterMaxReceiveCountDeliveries(String uri)
            throws Exception {
        List<Delivery> deliveries = failingRoute(uri, "poison", Integer.MAX_VALUE);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(String.format(uri, "DLQ") + "&includeAllJMSXProperties=true").routeId("dlq").to("mock:dlq");
            }
        });
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedBodiesReceived("poison-1");
        dlq.expectedHeaderReceived("invoice", "INV-13");
        // SQS moves the message with its receive count: the read from the DLQ is its fourth (docs/jms-mapping.md).
        dlq.expectedHeaderReceived("JMSXDeliveryCount", MAX_RECEIVE_COUNT + 1);

        template.sendBodyAndHeader(String.format(uri, "poison"), "poison-1", "invoice", "INV-13");

        dlq.assertIsSatisfied();
        // The move happens on the receive after the third rollback, so no delivery can follow it.
        assertThat(deliveries).containsExactly(
                new Delivery(false, 1), new Delivery(true, 2), new Delivery(true, 3));
        context.getRouteController().stopRoute("poison");
        assertThat(browse("poison")).isEmpty();
        assertThat(deliveries).hasSize(MAX_RECEIVE_COUNT);
    }

    /**
     * A transacted route from the queue that records every delivery and throws on the first {@code failures} of
     * them, then goes on to mock:(queue).
     */
    private List<Delivery> failingRoute(String uri, String queue, int failures) throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(String.format(uri, queue) + "&includeAllJMSXProperties=true").routeId(queue)
                        .process(e -> {
                            deliveries.add(new Delivery(e.getIn().getHeader("JMSRedelivered", Boolean.class),
                                    e.getIn().getHeader("JMSXDeliveryCount", Integer.class)));
                            if (deliveries.size() <= failures) {
                                throw new IllegalStateException("failing delivery " + deliveries.size());
                            }
                        })
                        .to("mock:" + queue);
            }
        });
        return deliveries;
    }

    private List<Object> browse(String queue) throws Exception {
        try (Connection c = connectionFactory.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = s.createBrowser(s.createQueue(queue));
            return Collections.list(browser.getEnumeration());
        }
    }
}
