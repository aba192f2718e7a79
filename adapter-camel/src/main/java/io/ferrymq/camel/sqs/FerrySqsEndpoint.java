package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineChoice;
import io.ferrymq.camel.FerryHeaderFilterStrategy;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.util.regex.Pattern;

/**
 * Send and receive messages on a FerryMQ queue, with camel-aws2-sqs's options and headers.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ferry-sqs", title = "FerryMQ SQS", syntax = "ferry-sqs:queueName",
             category = {Category.MESSAGING}, headersClass = FerrySqsConstants.class)
public class FerrySqsEndpoint extends DefaultEndpoint implements HeaderFilterStrategyAware {
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:[^:]+:sqs:[^:]*:([^:]+):([^:]+)");

    @UriPath(description = "The queue's name, or its ARN (arn:aws:sqs:region:account:name)")
    @Metadata(required = true)
    private String queueName;
    @UriParam
    private FerrySqsConfiguration configuration;
    @UriParam(label = "advanced")
    private HeaderFilterStrategy headerFilterStrategy;

    private volatile QueueTarget target;

    public FerrySqsEndpoint(String uri, FerrySqsComponent component, FerrySqsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public FerrySqsComponent getComponent() {
        return (FerrySqsComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (isFifo() && configuration.getMessageGroupIdStrategy() == null) {
            throw new IllegalArgumentException("messageGroupIdStrategy must be set for FIFO queues.");
        }
        return new FerrySqsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FerrySqsConsumer consumer = new FerrySqsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The queue name and its options, checked when the endpoint is created: a wrong one fails the route at once. */
    void validate() {
        if (queueName == null || queueName.isEmpty()) {
            throw new IllegalArgumentException("ferry-sqs needs a queue name: ferry-sqs:queueName");
        }
        var arn = QUEUE_ARN.matcher(queueName);
        if (arn.matches()) {
            if (configuration.getQueueOwnerAWSAccountId() == null) {
                configuration.setQueueOwnerAWSAccountId(arn.group(1));
            }
            queueName = arn.group(2);
        }
        if (!QUEUE_NAME.matcher(queueName).matches()) {
            throw new IllegalArgumentException("The queue name '" + queueName + "' is not valid: 1 to 80 characters"
                    + " of A-Z, a-z, 0-9, hyphen and underscore, a FIFO queue's ending in .fifo");
        }
        configuration.validate();
    }

    /** The engine and queue, found (or created) on first use after start. */
    QueueTarget target() {
        QueueTarget t = target;
        if (t == null) {
            synchronized (this) {
                t = target;
                if (t == null) {
                    t = connect();
                    target = t;
                }
            }
        }
        return t;
    }

    private QueueTarget connect() {
        FerrySqsComponent c = getComponent();
        EngineChoice choice = EngineChoice.resolve(configuration.getEngine(), configuration.getEmbeddedName(),
                configuration.getTimeSource(), c.getEngine(), c.getEmbeddedName(), c.getTimeSource());
        String url = QueueSetup.queueUrl(choice.engine(), queueName, isFifo(), configuration);
        return new QueueTarget(choice.engine(), choice.time() != null ? choice.time() : c.wallClock(), url,
                isFifo());
    }

    boolean isFifo() {
        return queueName.endsWith(".fifo");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (headerFilterStrategy == null) {
            headerFilterStrategy = new FerryHeaderFilterStrategy();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        target(); // a missing queue or a refused queue option fails the route's start, not its first message
    }

    @Override
    protected void doStop() throws Exception {
        target = null; // a restart looks again: the engine may have been restarted meanwhile
        super.doStop();
    }

    public String getQueueName() {
        return queueName;
    }

    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public FerrySqsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(FerrySqsConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /** Which headers become message attributes and which attributes become headers (by default all but Camel's own). */
    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy strategy) {
        this.headerFilterStrategy = strategy;
    }
}
