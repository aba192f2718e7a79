package io.ferrymq.examples;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pricing: announces today's prices on a topic, for whoever subscribes, and answers quote requests sent to its
 * queue. A reply goes to the request's JMSReplyTo and carries the request's JMSMessageID as its JMSCorrelationID,
 * so the asker can tell it is the answer to its question.
 */
final class PriceDesk implements MessageListener, AutoCloseable {
    static final List<Price> PRICE_LIST = List.of(
            new Price("XJ-9", "EU", 119.90),
            new Price("XJ-9", "US", 99.00),
            new Price("KL-2", "EU", 45.50),
            new Price("KL-2", "US", 210.00));

    /** A price as it travels: the text is for people, the properties are for subscribers' selectors. */
    record Price(String sku, String region, double price) {
        TextMessage toMessage(Session session) throws JMSException {
            TextMessage m = session.createTextMessage(toString());
            m.setStringProperty("sku", sku);
            m.setStringProperty("region", region);
            m.setDoubleProperty("price", price);
            return m;
        }

        static Price of(Message m) throws JMSException {
            return new Price(m.getStringProperty("sku"), m.getStringProperty("region"), m.getDoubleProperty("price"));
        }

        /** What a subscriber has waiting: everything that arrives until half a second passes with nothing new. */
        static List<Price> receiveAll(MessageConsumer subscriber) throws JMSException {
            List<Price> got = new ArrayList<>();
            for (Message m = subscriber.receive(500); m != null; m = subscriber.receive(500)) {
                got.add(of(m));
            }
            return got;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %.2f", sku, region, price);
        }
    }

    private final Connection connection;
    private final MessageProducer announcements;
    private final Session announcing;
    private final Session quoting;
    private final MessageProducer replies;

    PriceDesk(ConnectionFactory factory, Topic prices, Queue quotes) throws JMSException {
        connection = factory.createConnection();
        // A session is single-threaded: the main thread announces on one, the quote listener answers on another.
        announcing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        announcements = announcing.createProducer(prices);
        quoting = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        replies = quoting.createProducer(null); // each reply goes where its request says
        quoting.createConsumer(quotes).setMessageListener(this);
        connection.start();
    }

    void announce() throws JMSException {
        for (Price p : PRICE_LIST) {
            announcements.send(p.toMessage(announcing));
            OrderDesk.say("pricing", "published %s", p);
        }
    }

    @Override
    public void onMessage(Message request) {
        try {
            String[] item = ((TextMessage) request).getText().split(" x "); // "2 x XJ-9"
            int quantity = Integer.parseInt(item[0]);
            String region = request.getStringProperty("region");
            Price p = PRICE_LIST.stream().filter(x -> x.sku().equals(item[1]) && x.region().equals(region))
                    .findFirst().orElseThrow();
            TextMessage reply = quoting.createTextMessage(String.format(Locale.ROOT, "%d x %s in %s: %.2f", quantity,
                    p.sku(), region, quantity * p.price()));
            reply.setJMSCorrelationID(request.getJMSMessageID());
            OrderDesk.say("pricing", "answers %s with \"%s\"", request.getJMSMessageID(), reply.getText());
            replies.send(request.getJMSReplyTo(), reply);
        } catch (JMSException | RuntimeException e) {
            OrderDesk.say("pricing", "cannot quote: %s", e);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
