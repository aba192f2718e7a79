package io.ferrymq.examples;

import io.ferrymq.examples.OrderService.Order;
import io.ferrymq.examples.OrderService.Quote;
import io.ferrymq.examples.PriceDesk.Price;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An order desk written the way JMS applications have been written for twenty years: JNDI for the connection
 * factory and the destinations, the Jakarta Messaging API for the rest. Nothing here names a broker; only
 * jndi.properties (src/main/resources) does, so the same classes run on Artemis or ActiveMQ with that file changed
 * back. It is the README's main job: prices on a topic for two subscribers, a quote by request/reply, orders
 * shipped in transactions, and one poison order that ends in the dead-letter queue.
 */
public final class OrderDesk {
    static final List<Order> ORDERS = List.of(
            new Order(1001, "EU", 2, "XJ-9", 239.80),
            new Order(1002, "US", 1, "KL-2", 210.00),
            new Order(1003, "EU", 1, "ZZ-0", 15.00), // no such item: it can never be shipped
            new Order(1004, "US", 3, "XJ-9", 297.00),
            new Order(1005, "EU", 4, "KL-2", 182.00));
    static final int POISON_ORDER = 1003;

    /** What happened, for the test that keeps the README's story true. */
    record Story(List<Price> shopPrices, List<Price> auditPrices, Quote quote, List<Integer> shipped,
                 DeadLetter deadLetter, List<String> pickTickets) {
    }

    record DeadLetter(int orderId, String text, int deliveryCount) {
    }

    private OrderDesk() {
    }

    public static void main(String[] args) throws Exception {
        Context jndi = new InitialContext(); // reads jndi.properties from the class path
        try {
            run(jndi);
        } finally {
            jndi.close();
        }
    }

    static Story run(Context jndi) throws Exception {
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue orders = (Queue) jndi.lookup("queues/orders");
        Queue shipments = (Queue) jndi.lookup("queues/shipments");
        Queue quotes = (Queue) jndi.lookup("queues/quotes");
        Queue deadLetters = (Queue) jndi.lookup("queues/DLQ");
        Topic prices = (Topic) jndi.lookup("topics/prices");
        System.out.println("Order desk on " + provider(factory) + ", configured by jndi.properties ("
                + Context.INITIAL_CONTEXT_FACTORY + "=" + jndi.getEnvironment().get(Context.INITIAL_CONTEXT_FACTORY)
                + ")");

        Story story;
        try (PriceDesk pricing = new PriceDesk(factory, prices, quotes);
             OrderService desk = new OrderService(factory, orders, quotes)) {
            step("Prices go out on a topic: the EU web shop selects region = 'EU'; the audit job, not running, "
                    + PriceAudit.SELECTOR);
            PriceAudit audit = new PriceAudit(factory, prices);
            audit.subscribe();
            List<Price> shopPrices;
            try (WebShop shop = new WebShop(factory, prices, "EU")) {
                pricing.announce();
                shopPrices = shop.newPrices();
            }
            say("web shop EU", "received %s", shopPrices);
            List<Price> auditPrices = audit.catchUp();
            say("audit job", "started later; its subscription kept %s", auditPrices);

            step("A quote, by request/reply through a temporary queue");
            Quote quote = desk.quote(2, "XJ-9", "EU");

            step("Five orders go on one queue; order " + POISON_ORDER + " asks for an item that does not exist");
            for (Order o : ORDERS) {
                desk.place(o);
            }

            step("The warehouse ships each order in a transaction; a failure rolls back, and 3 deliveries send it to "
                    + "the DLQ");
            List<Integer> shipped;
            DeadLetter deadLetter;
            try (Warehouse warehouse = new Warehouse(factory, orders, shipments)) {
                deadLetter = readDeadLetter(factory, deadLetters);
                shipped = warehouse.awaitShipped(ORDERS.size() - 1);
            }

            step("The shipping office collects its pick tickets; " + POISON_ORDER + "'s were rolled back with it");
            List<String> pickTickets = collect(factory, shipments);
            for (String t : pickTickets) {
                say("shipping", "%s", t);
            }
            story = new Story(shopPrices, auditPrices, quote, shipped, deadLetter, pickTickets);
        }
        System.out.println();
        System.out.println("Done; every connection is closed.");
        return story;
    }

    /** An operator reads the dead-letter queue, as on any broker; CLIENT_ACKNOWLEDGE: it is gone once written up. */
    private static DeadLetter readDeadLetter(ConnectionFactory factory, Queue deadLetters) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            var consumer = session.createConsumer(deadLetters);
            connection.start();
            Message m = consumer.receive(10_000);
            if (m == null) {
                throw new IllegalStateException("Nothing reached the dead-letter queue within 10 seconds");
            }
            DeadLetter d = new DeadLetter(m.getIntProperty("orderId"), ((TextMessage) m).getText(),
                    m.getIntProperty("JMSXDeliveryCount"));
            say("operator", "found order %d (%s) in the DLQ: JMSXDeliveryCount=%d, JMSRedelivered=%b", d.orderId(),
                    d.text(), d.deliveryCount(), m.getJMSRedelivered());
            m.acknowledge();
            return d;
        }
    }

    /** The shipping office takes every pick ticket waiting on its queue. */
    private static List<String> collect(ConnectionFactory factory, Queue queue) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            var tickets = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
            connection.start();
            List<String> texts = new ArrayList<>();
            for (Message m = tickets.receive(500); m != null; m = tickets.receive(500)) {
                texts.add(((TextMessage) m).getText());
            }
            return texts;
        }
    }

    private static String provider(ConnectionFactory factory) throws JMSException {
        try (Connection c = factory.createConnection()) {
            return c.getMetaData().getJMSProviderName() + " " + c.getMetaData().getProviderVersion();
        }
    }

    private static void step(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    static void say(String who, String format, Object... args) {
        System.out.printf("   %-12s %s%n", who, String.format(Locale.ROOT, format, args));
    }
}
