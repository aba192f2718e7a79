package io.ferrymq.camel.jms;

import jakarta.jms.TextMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transacted routes: a failing exchange rolls the JMS session back, FerryMQ makes the message visible again at once
 * with its receive count raised, and it comes back to the route. The factory gives every queue
 * {@code maxReceiveCount=3} and {@code deadLetterQueue=DLQ}, so a message that never succeeds ends in DLQ after
 * exactly three deliveries.
 *
 * <p>Each case is a route URI pattern: sjms2's transacted session; camel-jms with {@code transacted=true} alone
 * (Camel makes a Spring {@code JmsTransactionManager}, so the container opens a connection and session per
 * transaction); camel-jms with the listener container's own transacted session
 * ({@code lazyCreateTransactionManager=false}); and, not transacted, {@code CLIENT_ACKNOWLEDGE}, where both
 * components answer a failure with {@code Session.recover()}, which FerryMQ treats as a rollback.
 */
class RedeliveryTest extends FerryJmsCamelTestSupport {
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
            "jms:queue:%s?transacted=true&lazyCreateTransactionManager=false",
            "sjms2:queue:%s?acknowledgementMode=CLIENT_ACKNOWLEDGE",
            "jms:queue:%s?acknowledgementModeName=CLIENT_ACKNOWLEDGE"})
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
            "jms:queue:%s?transacted=true&lazyCreateTransactionManager=false",
            "sjms2:queue:%s?acknowledgementMode=CLIENT_ACKNOWLEDGE",
            "jms:queue:%s?acknowledgementModeName=CLIENT_ACKNOWLEDGE"})
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
     * SQS keeps no place for a message that comes back: on a standard queue the rolled-back message is delivered
     * after those already waiting (a broker such as Artemis redelivers it in place). A FIFO queue ({@code *.fifo})
     * keeps the order: the failed message comes first again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sjms2:queue:%s?transacted=true", "jms:queue:%s?transacted=true"})
    void aRolledBackMessageRejoinsAStandardQueueAtItsEndAndAFifoQueueAtItsHead(String uri) throws Exception {
        List<Object> standard = deliveryOrder(uri, "invoices");
        List<Object> fifo = deliveryOrder(uri, "invoices.fifo");

        assertThat(standard).containsExactly("inv-1", "inv-2", "inv-3", "inv-1");
        assertThat(fifo).containsExactly("inv-1", "inv-1", "inv-2", "inv-3");
    }

    /** The bodies a transacted route on the queue is given, the first delivery of inv-1 failing. */
    private List<Object> deliveryOrder(String uri, String queue) throws Exception {
        String from = String.format(uri, queue);
        List<Object> bodies = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId(queue).autoStartup(false)
                        .process(e -> {
                            bodies.add(e.getIn().getBody());
                            if (bodies.size() == 1) {
                                throw new IllegalStateException("the first delivery fails");
                            }
                        })
                        .to("mock:" + queue);
            }
        });
        MockEndpoint done = getMockEndpoint("mock:" + queue);
        done.expectedMessageCount(3);
        // All three wait in the queue before the route starts, so the order does not depend on timing.
        for (String body : List.of("inv-1", "inv-2", "inv-3")) {
            template.sendBody(from, body);
        }
        context.getRouteController().startRoute(queue);
        done.assertIsSatisfied();
        context.getRouteController().stopRoute(queue);
        return bodies;
    }

    /**
     * What a transacted route sent before it failed is taken back with the rollback: the queue it forwards to ends
     * with the one copy of the successful attempt. (sjms2 sends in a session of its own that it commits or rolls
     * back with the exchange; camel-jms sends in the transaction manager's session, the consumer's.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"sjms2", "jms"})
    void aRolledBackExchangeTakesBackWhatItSent(String scheme) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(scheme + ":queue:orders?transacted=true").routeId("orders")
                        .to(scheme + ":queue:shipped?transacted=true")
                        .process(e -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("fails after forwarding");
                            }
                        })
                        .to("mock:orders");
            }
        });
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedBodiesReceived("order-1");

        template.sendBody(scheme + ":queue:orders", "order-1");

        orders.assertIsSatisfied();
        context.getRouteController().stopRoute("orders");
        assertThat(attempts).hasValue(2);
        assertThat(browse("orders")).isEmpty();
        assertThat(browse("shipped")).singleElement()
                .satisfies(m -> assertThat(((TextMessage) m).getText()).isEqualTo("order-1"));
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
}
