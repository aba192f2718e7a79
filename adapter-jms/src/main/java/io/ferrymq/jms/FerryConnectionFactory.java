package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.time.TimeSource;
import io.ferrymq.jms.provider.EmbeddedEngines;
import io.ferrymq.jms.provider.EngineHandle;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.FerryUrl;
import io.ferrymq.jms.provider.JmsErrors;
import io.ferrymq.jms.provider.ProviderOptions;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serializable;

/**
 * The provider's entry point. {@code new FerryConnectionFactory("ferry:embedded")} runs on the in-memory engine
 * every factory of that name in the JVM shares; {@code ferry:embedded?dataDir=./data} on a durable one. Options go
 * in the URL (see {@link FerryUrl}); {@link #setClientID} gives every connection a client ID, as broker factories
 * do. User name and password are accepted and ignored: the embedded engine has no users.
 */
public class FerryConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable {
    private static final long serialVersionUID = 1L;

    private String url;
    private String clientId;
    private transient ProviderOptions options;
    private transient EngineHandle handle;
    private transient FerryProvider provider;

    public FerryConnectionFactory() {
        this(FerryUrl.EMBEDDED);
    }

    /** A factory for a {@code ferry:} URL; a malformed URL or unknown option fails here. */
    public FerryConnectionFactory(String url) {
        setUrl(url);
    }

    /** A factory on an engine the application built and owns (for example one with a test clock). */
    public FerryConnectionFactory(Engine engine, TimeSource time, ProviderOptions options) {
        this.url = null;
        this.options = options.complete();
        this.handle = EngineHandle.shared(engine, time);
    }

    /** A factory on an engine the application built, on the wall clock (or the clock of its other factories). */
    public FerryConnectionFactory(Engine engine) {
        this.url = null;
        this.options = ProviderOptions.DEFAULTS;
        this.handle = EngineHandle.shared(engine, null);
    }

    public synchronized String getUrl() {
        return url;
    }

    public synchronized void setUrl(String value) {
        this.options = FerryUrl.parse(value);
        this.url = value;
        this.handle = null;
        this.provider = null;
    }

    public synchronized String getClientID() {
        return clientId;
    }

    public synchronized void setClientID(String value) {
        this.clientId = value;
    }

    /** The factory's shared state, started on first use. */
    synchronized FerryProvider provider() {
        if (provider == null) {
            if (options == null) {
                options = FerryUrl.parse(url);
            }
            if (handle == null) {
                handle = EmbeddedEngines.engine(options);
            }
            provider = new FerryProvider(handle, options);
        }
        return provider;
    }

    @Override
    public FerryConnection createConnection() throws JMSException {
        return connect(false);
    }

    private FerryConnection connect(boolean queueOnly) throws JMSException {
        try {
            return new FerryConnection(provider(), getClientID(), queueOnly);
        } catch (IllegalArgumentException e) {
            throw JmsErrors.withCause(new JMSException(e.getMessage()), e);
        }
    }

    @Override
    public FerryConnection createConnection(String userName, String password) throws JMSException {
        return createConnection();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return connect(true);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return createQueueConnection();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return createConnection();
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
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
        FerryContext.checkSessionMode(sessionMode);
        try {
            return new FerryContext(createConnection(), sessionMode);
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        } catch (JMSRuntimeException e) {
            throw e;
        }
    }
}
