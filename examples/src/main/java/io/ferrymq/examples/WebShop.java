package io.ferrymq.examples;

import io.ferrymq.examples.PriceDesk.Price;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import java.util.List;

/**
 * A region's web shop, showing its prices. An ordinary subscription: it exists while the shop is connected, and
 * its selector lets through only the shop's region.
 */
final class WebShop implements AutoCloseable {
    private final Connection connection;
    private final MessageConsumer prices;

    WebShop(ConnectionFactory factory, Topic topic, String region) throws JMSException {
        connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        prices = session.createConsumer(topic, "region = '" + region + "'");
        connection.start();
    }

    List<Price> newPrices() throws JMSException {
        return Price.receiveAll(prices);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
