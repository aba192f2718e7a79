package io.ferrymq.examples;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ships orders. Its session is transacted, so taking an order off the queue and sending its pick ticket to the
 * shipping office happen together or not at all: an order that fails is rolled back, ticket and all, and comes back
 * to be tried again, until the broker gives up on it and moves it to the dead-letter queue.
 */
final class Warehouse implements MessageListener, AutoCloseable {
    private static final String NAME = "warehouse";

    private final Connection connection;
    private final Session session;
    private final MessageProducer pickTickets;
    private final Map<String, Integer> stock = new HashMap<>(Map.of("XJ-9", 40, "KL-2", 25));
    private final List<Integer> shipped = new ArrayList<>();

    Warehouse(ConnectionFactory factory, Queue orders, Queue shipments) throws JMSException {
        connection = factory.createConnection();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        pickTickets = session.createProducer(shipments);
        session.createConsumer(orders).setMessageListener(this);
        connection.start();
    }

    @Override
    public void onMessage(Message message) {
        try {
            int orderId = message.getIntProperty("orderId");
            String[] item = ((TextMessage) message).getText().split(" x "); // "2 x XJ-9"
            int quantity = Integer.parseInt(item[0]);
            String sku = item[1];
            try {
                pickTickets.send(session.createTextMessage("pick " + quantity + " x " + sku + " for order " + orderId));
                int left = stockAfter(sku, quantity); // fails for an item the warehouse does not stock
                session.commit();
                stock.put(sku, left);
            } catch (RuntimeException e) {
                OrderDesk.say(NAME, "order %d failed on delivery %d (%s): rolled back", orderId,
                        message.getIntProperty("JMSXDeliveryCount"), e.getMessage());
                // Rolling back gives the order back to the queue and takes the pick ticket back: nobody saw it.
                session.rollback();
                return;
            }
            synchronized (shipped) {
                shipped.add(orderId);
                shipped.notifyAll();
            }
            OrderDesk.say(NAME, "shipped order %d (%d x %s to %s)", orderId, quantity, sku,
                    message.getStringProperty("region"));
        } catch (JMSException e) {
            // A failed commit is a rollback: the order comes back.
            OrderDesk.say(NAME, "could not settle an order: %s", e);
        }
    }

    private int stockAfter(String sku, int quantity) {
        Integer left = stock.get(sku);
        if (left == null) {
            throw new IllegalArgumentException("no such item " + sku);
        }
        return left - quantity;
    }

    /** Waits until {@code count} orders are shipped: the listener ships them on its own thread. */
    List<Integer> awaitShipped(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        synchronized (shipped) {
            while (shipped.size() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException(NAME + " shipped only " + shipped + " within 10 seconds");
                }
                shipped.wait(left);
            }
            return List.copyOf(shipped);
        }
    }

    List<Integer> shipped() {
        synchronized (shipped) {
            return List.copyOf(shipped);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
