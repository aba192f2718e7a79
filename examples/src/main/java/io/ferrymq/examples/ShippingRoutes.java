package io.ferrymq.examples;

import io.ferrymq.camel.sns.FerrySnsComponent;
import io.ferrymq.camel.sqs.FerrySqsComponent;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Camel routes on FerryMQ, the way a team moving off a broker keeps its routes. The web shop still sends its orders
 * as JMS messages to the queue {@code orders}; a route bridges them ({@code sjms2:}) to the SNS-style topic
 * {@code shipments} ({@code ferry-sns:}), whose filtered fan-out feeds one SQS-style queue per warehouse and one for
 * heavy freight ({@code ferry-sqs:}). The EU warehouse cannot pick one order: its route fails, the message comes back
 * after its visibility timeout, and after three receives the queue's RedrivePolicy moves it to the dead-letter queue,
 * where a last route reports it.
 *
 * <p>JMS and Camel components share one engine: the JMS factory's {@code ferry:embedded?name=shipping} and the
 * components' {@code embeddedName}. Run it with
 * {@code mvn -q -B -pl examples -am compile exec:java -Dexec.mainClass=io.ferrymq.examples.ShippingRoutes}.
 */
public final class ShippingRoutes extends RouteBuilder {
    static final String ENGINE = "shipping";
    /** The order the EU warehouse cannot pick. */
    static final int POISON_ORDER = 2004;
    static final int MAX_RECEIVE_COUNT = 3;

    record Order(int id, String region, int weightKg, String sku) {
    }

    static final List<Order> ORDERS = List.of(
            new Order(2001, "eu", 2, "XJ-9"),
            new Order(2002, "us", 1, "KL-3"),
            new Order(2003, "eu", 35, "PIANO"),
            new Order(POISON_ORDER, "eu", 1, "ZZ-0"),
            new Order(2005, "us", 48, "SOFA"),
            new Order(2006, "apac", 3, "MN-7"));

    /** What happened, for the example's test. */
    record Story(List<String> picked, List<String> trucked, List<String> deadLetters) {
    }

    private final List<String> picked = new CopyOnWriteArrayList<>();
    private final List<String> trucked = new CopyOnWriteArrayList<>();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    public void configure() {
        // The routes print what happens (the warehouse its failures too); the message is what comes back.
        errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false));

        // The dead-letter queue first, so it exists before the EU queue's RedrivePolicy names it.
        from("ferry-sqs:shipping-dlq?autoCreateQueue=true&attributeNames=All&messageAttributeNames=All")
                .routeId("dead-letters")
                .process(e -> {
                    deadLetters.add("order " + e.getMessage().getHeader("orderId") + " after " + receiveCount(e)
                            + " receives");
                    say("shipping-dlq   order %s is a dead letter: %s", e.getMessage().getHeader("orderId"),
                            e.getMessage().getBody(String.class));
                });

        // JMS in, SNS out: the JMS headers stay behind (SNS takes at most 10 attributes); the order's properties go.
        from("sjms2:queue:orders?transacted=true").routeId("orders-to-topic")
                .removeHeaders("JMS*")
                .process(e -> say("orders (JMS)   order %s, %s, %s kg -> topic shipments",
                        e.getMessage().getHeader("orderId"), e.getMessage().getHeader("region"),
                        e.getMessage().getHeader("weightKg")))
                .to("ferry-sns:shipments?autoCreateTopic=true&subject=Shipment");

        // The fan-out, declared: each endpoint subscribes its queue to the topic when the routes start.
        String topic = "ferry-sns:shipments?autoCreateTopic=true&rawMessageDelivery=true";
        endpoint(topic + "&subscribeQueue=warehouse-eu&filterPolicy=RAW({\"region\":[\"eu\"]})");
        endpoint(topic + "&subscribeQueue=warehouse-us&filterPolicy=RAW({\"region\":[\"us\"]})");
        endpoint(topic + "&subscribeQueue=heavy-freight&filterPolicy=RAW({\"weightKg\":[{\"numeric\":[\">\",20]}]})");

        from("ferry-sqs:warehouse-eu?autoCreateQueue=true&messageAttributeNames=All&attributeNames=All"
                + "&visibilityTimeout=1"
                + "&redrivePolicy=RAW({\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:shipping-dlq\","
                + "\"maxReceiveCount\":" + MAX_RECEIVE_COUNT + "})")
                .routeId("warehouse-eu")
                .process(this::pick);
        from("ferry-sqs:warehouse-us?autoCreateQueue=true&messageAttributeNames=All").routeId("warehouse-us")
                .process(this::pick);
        from("ferry-sqs:heavy-freight?autoCreateQueue=true&messageAttributeNames=All").routeId("heavy-freight")
                .process(e -> {
                    trucked.add("order " + e.getMessage().getHeader("orderId"));
                    say("heavy-freight  truck booked for order %s (%s kg)", e.getMessage().getHeader("orderId"),
                            e.getMessage().getHeader("weightKg"));
                });
    }

    private void pick(Exchange e) {
        int order = e.getMessage().getHeader("orderId", Integer.class);
        String sku = e.getMessage().getHeader("sku", String.class);
        String warehouse = "warehouse-" + e.getMessage().getHeader("region");
        if (order == POISON_ORDER) {
            // Failing leaves the message leased: it is received again after visibilityTimeout, and counted.
            say("%-14s order %s FAILED: no stock of %s (receive %s)", warehouse, order, sku, receiveCount(e));
            throw new IllegalStateException("no stock of " + sku + " for order " + order);
        }
        picked.add("order " + order + " from " + warehouse);
        say("%-14s picked %s for order %s", warehouse, sku, order);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private static String receiveCount(Exchange e) {
        Object attributes = e.getMessage().getHeader("CamelAwsSqsAttributes");
        return attributes instanceof java.util.Map<?, ?> map ? String.valueOf(map.get("ApproximateReceiveCount"))
                : "?";
    }

    public static void main(String[] args) throws Exception {
        Story story = run(jms(ENGINE), ENGINE);
        System.out.println();
        System.out.println("picked:       " + story.picked());
        System.out.println("trucked:      " + story.trucked());
        System.out.println("dead letters: " + story.deadLetters());
    }

    /** The JMS factory, looked up as the web shop does: only this environment names FerryMQ. */
    static Context jms(String engineName) throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "io.ferrymq.jms.FerryInitialContextFactory");
        env.put("connectionFactory.ConnectionFactory", "ferry:embedded?name=" + engineName);
        return new InitialContext(env);
    }

    /** Starts the routes on {@code engineName}, lets the web shop send its orders, and waits until all are settled. */
    static Story run(Context jndi, String engineName) throws Exception {
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        ShippingRoutes routes = new ShippingRoutes();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("connectionFactory", factory); // sjms2 takes the registry's lone factory
            camel.getComponent("ferry-sqs", FerrySqsComponent.class).setEmbeddedName(engineName);
            camel.getComponent("ferry-sns", FerrySnsComponent.class).setEmbeddedName(engineName);
            camel.addRoutes(routes);
            // Each good order is picked or trucked or both; the poison one fails three times, then is dead-lettered.
            long heavy = ORDERS.stream().filter(o -> o.weightKg() > 20).count();
            long warehouseOrders = ORDERS.stream().filter(o -> !o.region().equals("apac")).count();
            NotifyBuilder settled = new NotifyBuilder(camel).fromRoute("heavy-freight").whenDone((int) heavy)
                    .and().fromRoute("warehouse-*").whenDone((int) warehouseOrders - 1 + MAX_RECEIVE_COUNT)
                    .and().fromRoute("dead-letters").whenDone(1)
                    .create();
            camel.start();

            webShopSends(factory);
            if (!settled.matches(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The orders were not all settled within a minute");
            }
            camel.stop();
        }
        return new Story(List.copyOf(routes.picked), List.copyOf(routes.trucked), List.copyOf(routes.deadLetters));
    }

    /** The legacy side: plain Jakarta Messaging, one message per order, its fields as properties. */
    private static void webShopSends(ConnectionFactory factory) {
        try (JMSContext jms = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            for (Order o : ORDERS) {
                JMSProducer producer = jms.createProducer().setProperty("orderId", o.id())
                        .setProperty("region", o.region()).setProperty("weightKg", o.weightKg())
                        .setProperty("sku", o.sku());
                producer.send(jms.createQueue("orders"), o.sku() + " for order " + o.id());
            }
            jms.commit();
        }
    }
}
