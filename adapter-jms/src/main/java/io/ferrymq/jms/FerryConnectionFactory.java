package io.ferrymq.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serializable;

/** The provider's entry point, configured by a {@code ferry:} URL. Work in progress: connections come next. */
public class FerryConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable {
    private static final long serialVersionUID = 1L;

    private String url;

    public FerryConnectionFactory() {
        this("ferry:embedded");
    }

    public FerryConnectionFactory(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    @Override
    public Connection createConnection() throws JMSException {
        throw new JMSException("not built yet");
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return createConnection();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        throw new JMSException("not built yet");
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return createQueueConnection();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        throw new JMSException("not built yet");
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return createTopicConnection();
    }

    @Override
    public JMSContext createContext() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return createContext(sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw new UnsupportedOperationException("not built yet");
    }
}
