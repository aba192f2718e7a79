package io.ferrymq.examples;

import io.ferrymq.examples.OrderService.Order;
import io.ferrymq.jms.provider.EmbeddedEngines;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main job must keep telling the true story: every good order shipped once with its pick ticket, the
 * poison order in the DLQ after 3 deliveries, each price subscriber given what its selector selects, the quote
 * answering its request. It runs on the program's own jndi.properties, with an engine of its own.
 */
class OrderDeskTest {

    @Test
    void theOrderDeskStoryHappensAsItIsTold() throws Exception {
        String engineName = "order-desk-test-" + UUID.randomUUID();
        Properties environment = new Properties();
        try (InputStream in = OrderDesk.class.getResourceAsStream("/jndi.properties")) {
            environment.load(in);
        }
        String url = environment.getProperty("connectionFactory.ConnectionFactory");
        assertThat(url).contains("name=order-desk").contains("maxReceiveCount=3").contains("deadLetterQueue=DLQ");
        environment.setProperty("connectionFactory.ConnectionFactory",
                url.replace("name=order-desk", "name=" + engineName));

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context jndi = new InitialContext(environment);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            OrderDesk.Story story = OrderDesk.run(jndi);
            System.setOut(original);

            var goodOrders = OrderDesk.ORDERS.stream().filter(o -> o.id() != OrderDesk.POISON_ORDER).toList();
            assertThat(story.shipped()).as("every good order shipped, each once")
                    .containsExactlyInAnyOrderElementsOf(goodOrders.stream().map(Order::id).toList());
            assertThat(story.pickTickets()).as("a ticket per shipped order; the poison order's were rolled back")
                    .containsExactlyInAnyOrderElementsOf(goodOrders.stream()
                            .map(o -> "pick " + o.quantity() + " x " + o.sku() + " for order " + o.id()).toList());

            // Three failed deliveries to the warehouse (maxReceiveCount=3), then the operator's from the DLQ.
            assertThat(story.deadLetter()).isEqualTo(new OrderDesk.DeadLetter(OrderDesk.POISON_ORDER, "1 x ZZ-0", 4));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("order 1003 failed on delivery 1 ", "order 1003 failed on delivery 2 ",
                    "order 1003 failed on delivery 3 ").doesNotContain("failed on delivery 4");

            assertThat(story.shopPrices()).as("the EU web shop: region = 'EU'")
                    .containsExactlyInAnyOrderElementsOf(PriceDesk.PRICE_LIST.stream()
                            .filter(p -> p.region().equals("EU")).toList());
            assertThat(story.auditPrices()).as("the audit's durable subscription: price >= 100, kept while away")
                    .containsExactlyInAnyOrderElementsOf(PriceDesk.PRICE_LIST.stream()
                            .filter(p -> p.price() >= 100).toList());

            assertThat(story.quote().correlationId()).isEqualTo(story.quote().requestId()).startsWith("ID:");
            assertThat(story.quote().text()).isEqualTo("2 x XJ-9 in EU: 239.80");

            // Nothing was left behind: no order waits to be processed again, the DLQ was read and acknowledged.
            ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
            try (Connection c = factory.createConnection()) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                c.start();
                for (String name : new String[] {"queues/orders", "queues/DLQ", "queues/shipments"}) {
                    assertThat(s.createConsumer((Queue) jndi.lookup(name)).receive(500)).as(name).isNull();
                }
            }
        } finally {
            System.setOut(original);
            jndi.close();
            EmbeddedEngines.shutdown(engineName);
        }
    }
}
