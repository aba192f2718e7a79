package io.ferrymq.examples;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

/**
 * The front office: asks pricing for quotes and places orders. Its session is not transacted: a request sent in a
 * transaction would not leave before the commit, and the reply it waits for would never come.
 */
final class OrderService implements AutoCloseable {
    /** An order as the front office takes it. */
    record Order(int id, String region, int quantity, String sku, double amount) {
    }

    /** The answer to a quote request, with the ids that tie it to the request. */
    record Quote(String text, String requestId, String correlationId) {
    }

    private final Connection connection;
    private final Session session;
    private final MessageProducer orders;
    private final MessageProducer quoteRequests;

    OrderService(ConnectionFactory factory, Queue orders, Queue quotes) throws JMSException {
        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.orders = session.createProducer(orders);
        quoteRequests = session.createProducer(quotes);
        connection.start(); // replies are received on this connection
    }

    /** Request/reply: the answer comes back on a temporary queue that only this connection can read. */
    Quote quote(int quantity, String sku, String region) throws JMSException {
        TemporaryQueue replyQueue = session.createTemporaryQueue();
        try (MessageConsumer answers = session.createConsumer(replyQueue)) {
            TextMessage ask = session.createTextMessage(quantity + " x " + sku);
            ask.setStringProperty("region", region);
            ask.setJMSReplyTo(replyQueue);
            OrderDesk.say("order desk", "asks for a quote for %d x %s in %s; JMSReplyTo %s", quantity, sku, region,
                    replyQueue);
            quoteRequests.send(ask);
            Message answer = answers.receive(10_000);
            if (answer == null) {
                throw new IllegalStateException("No quote within 10 seconds");
            }
            Quote q = new Quote(((TextMessage) answer).getText(), ask.getJMSMessageID(), answer.getJMSCorrelationID());
            if (!q.requestId().equals(q.correlationId())) {
                throw new IllegalStateException("A reply to another request: " + q);
            }
            OrderDesk.say("order desk", "got \"%s\"; its JMSCorrelationID is the request's JMSMessageID", q.text());
            return q;
        } finally {
            replyQueue.delete();
        }
    }

    void place(Order o) throws JMSException {
        TextMessage order = session.createTextMessage(o.quantity() + " x " + o.sku());
        // Properties, not the body, are what selectors see: each warehouse picks its region's orders by them.
        order.setIntProperty("orderId", o.id());
        order.setStringProperty("region", o.region());
        order.setDoubleProperty("amount", o.amount());
        orders.send(order);
        OrderDesk.say("order desk", "placed order %d: %s for %s, %.2f", o.id(), order.getText(), o.region(),
                o.amount());
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
