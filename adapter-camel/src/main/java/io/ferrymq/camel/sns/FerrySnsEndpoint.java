package io.ferrymq.camel.sns;

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
 * Publish messages to a FerryMQ topic with camel-aws2-sns's options and headers, and declare the filtered queue
 * subscriptions that fan them out.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ferry-sns", title = "FerryMQ SNS", syntax = "ferry-sns:topicName",
             producerOnly = true, category = {Category.MESSAGING}, headersClass = FerrySnsConstants.class)
public class FerrySnsEndpoint extends DefaultEndpoint implements HeaderFilterStrategyAware {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:[^:]+:sns:[^:]*:[^:]+:([^:]+)");

    @UriPath(description = "The topic's name, or its ARN (arn:aws:sns:region:account:name)")
    @Metadata(required = true)
    private String topicName;
    @UriParam
    private FerrySnsConfiguration configuration;
    @UriParam(label = "advanced")
    private HeaderFilterStrategy headerFilterStrategy;

    private volatile TopicTarget target;

    public FerrySnsEndpoint(String uri, FerrySnsComponent component, FerrySnsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public FerrySnsComponent getComponent() {
        return (FerrySnsComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (isFifo() && configuration.getMessageGroupIdStrategy() == null) {
            throw new IllegalArgumentException("messageGroupIdStrategy must be set for FIFO topics.");
        }
        return new FerrySnsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("ferry-sns publishes only: consume from a ferry-sqs queue subscribed"
                + " to the topic (subscribeQueue declares one)");
    }

    void validate() {
        if (topicName == null || topicName.isEmpty()) {
            throw new IllegalArgumentException("ferry-sns needs a topic name: ferry-sns:topicName");
        }
        String name = topicName;
        var arn = TOPIC_ARN.matcher(topicName);
        if (arn.matches()) {
            name = arn.group(1);
        } else if (topicName.startsWith("arn:")) {
            throw new IllegalArgumentException("The topic ARN '" + topicName + "' is not valid: "
                    + "arn:aws:sns:region:account:name");
        }
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The topic name '" + name + "' is not valid: 1 to 256 characters of"
                    + " A-Z, a-z, 0-9, hyphen and underscore, a FIFO topic's ending in .fifo");
        }
        if (!isFifo() && configuration.getSubscribeQueue() != null
                && configuration.getSubscribeQueue().endsWith(".fifo")) {
            throw new IllegalArgumentException("The option subscribeQueue names a FIFO queue ("
                    + configuration.getSubscribeQueue() + "), which only a FIFO topic can deliver to");
        }
        configuration.validate();
    }

    /** The engine and topic (and the declared subscription), set up on first use after start. */
    TopicTarget target() {
        TopicTarget t = target;
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

    private TopicTarget connect() {
        FerrySnsComponent c = getComponent();
        EngineChoice choice = EngineChoice.resolve(configuration.getEngine(), configuration.getEmbeddedName(), null,
                c.getEngine(), c.getEmbeddedName(), null);
        String arn = TopicSetup.topicArn(choice.engine(), topicName, configuration);
        if (configuration.getSubscribeQueue() != null) {
            QueueSubscription.declare(choice.engine(), arn, configuration);
        }
        return new TopicTarget(choice.engine(), arn, isFifo());
    }

    boolean isFifo() {
        return topicName.endsWith(".fifo");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (headerFilterStrategy == null) {
            headerFilterStrategy = new FerryHeaderFilterStrategy();
        }
    }

    /** Starting declares the topic and the subscription, even for an endpoint no route sends to. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        target();
    }

    @Override
    protected void doStop() throws Exception {
        target = null;
        super.doStop();
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public FerrySnsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(FerrySnsConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /** Which headers become message attributes (by default all but Camel's own). */
    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy strategy) {
        this.headerFilterStrategy = strategy;
    }
}
