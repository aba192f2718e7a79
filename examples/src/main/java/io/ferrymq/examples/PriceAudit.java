package io.ferrymq.examples;

import io.ferrymq.examples.PriceDesk.Price;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import java.util.List;

/**
 * The pricing audit, a batch job that must see every price of 100 or more, also those published while it is not
 * running. A durable subscription keeps them for it: the subscription is known by the connection's client ID and
 * its own name, and outlives the connection that made it.
 */
final class PriceAudit {
    static final String CLIENT_ID = "pricing-audit";
    static final String SUBSCRIPTION = "big-prices";
    static final String SELECTOR = "price >= 100";

    private final ConnectionFactory factory;
    private final Topic topic;

    PriceAudit(ConnectionFactory factory, Topic topic) {
        this.factory = factory;
        this.topic = topic;
    }

    /** Subscribes once and disconnects: from now on the subscription collects for the job. */
    void subscribe() throws JMSException {
        try (Connection connection = open()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createDurableSubscriber(topic, SUBSCRIPTION, SELECTOR, false);
        }
    }

    /** A run of the job: reconnects as the same client to the same subscription and reads what it kept. */
    List<Price> catchUp() throws JMSException {
        try (Connection connection = open()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var subscriber = session.createDurableSubscriber(topic, SUBSCRIPTION, SELECTOR, false);
            connection.start();
            return Price.receiveAll(subscriber);
        }
    }

    private Connection open() throws JMSException {
        Connection connection = factory.createConnection();
        connection.setClientID(CLIENT_ID); // first thing, before any other use of the connection
        return connection;
    }
}
