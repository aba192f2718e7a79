package io.ferrymq.camel.sns;

import io.ferrymq.engine.Engine;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The ferry-sns component. Its engine is the one bound in the registry (autowired when it is the only Engine), else
 * the JVM's embedded engine named by embeddedName ("default"), the one ferry-sqs and JMS ferry:embedded use.
 */
@Component("ferry-sns")
public class FerrySnsComponent extends DefaultComponent {
    @Metadata(autowired = true)
    private Engine engine;
    @Metadata
    private String embeddedName;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FerrySnsEndpoint endpoint = new FerrySnsEndpoint(uri, this, new FerrySnsConfiguration());
        endpoint.setTopicName(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public Engine getEngine() {
        return engine;
    }

    /** The engine every endpoint uses unless it names its own; autowired when the registry holds exactly one. */
    public void setEngine(Engine engine) {
        this.engine = engine;
    }

    public String getEmbeddedName() {
        return embeddedName;
    }

    /**
     * Without an engine, the name of the JVM's embedded engine to use ("default" when not given), shared with
     * ferry-sqs and JMS ferry:embedded factories of that name.
     */
    public void setEmbeddedName(String embeddedName) {
        this.embeddedName = embeddedName;
    }
}
