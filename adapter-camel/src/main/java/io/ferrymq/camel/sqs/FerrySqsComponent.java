package io.ferrymq.camel.sqs;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.time.SystemTimeSource;
import io.ferrymq.engine.time.TimeSource;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The ferry-sqs component. Its engine is the one bound in the registry (autowired when it is the only Engine), else
 * the JVM's embedded engine named by embeddedName ("default"), the one a JMS ferry:embedded factory uses.
 */
@Component("ferry-sqs")
public class FerrySqsComponent extends DefaultComponent {
    @Metadata(autowired = true)
    private Engine engine;
    @Metadata
    private String embeddedName;
    @Metadata(label = "advanced", autowired = true)
    private TimeSource timeSource;

    private SystemTimeSource wallClock;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FerrySqsEndpoint endpoint = new FerrySqsEndpoint(uri, this, new FerrySqsConfiguration());
        endpoint.setQueueName(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** The wall clock for an application's engine given without its time source; made on first need. */
    synchronized TimeSource wallClock() {
        if (wallClock == null) {
            wallClock = new SystemTimeSource();
        }
        return wallClock;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (wallClock != null) {
                wallClock.close();
                wallClock = null;
            }
        }
        super.doStop();
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
     * Without an engine, the name of the JVM's embedded engine to use ("default" when not given): the same engine a
     * JMS FerryConnectionFactory on ferry:embedded (with that name) uses.
     */
    public void setEmbeddedName(String embeddedName) {
        this.embeddedName = embeddedName;
    }

    public TimeSource getTimeSource() {
        return timeSource;
    }

    /**
     * The clock the given engine runs on, for the visibility extension timer; autowired (tests bind the engine's
     * ManualTimeSource). Without it the wall clock; an embedded engine always uses its own.
     */
    public void setTimeSource(TimeSource timeSource) {
        this.timeSource = timeSource;
    }
}
