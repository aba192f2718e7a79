package io.ferrymq.camel.sns;

import io.ferrymq.camel.EngineChoice;
import io.ferrymq.camel.MessageDeduplicationIdStrategy;
import io.ferrymq.camel.MessageGroupIdStrategy;
import io.ferrymq.engine.Engine;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.util.regex.Pattern;

import static io.ferrymq.camel.OptionChecks.require;
import static io.ferrymq.camel.OptionChecks.requireJsonObject;

/**
 * A ferry-sns endpoint's options: camel-aws2-sns's publishing options, and the queue subscription it declares.
 */
@UriParams
public class FerrySnsConfiguration {
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");

    @UriParam(label = "common")
    private Engine engine;
    @UriParam(label = "common")
    private String embeddedName;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean autoCreateTopic;
    @UriParam(label = "producer")
    private String subject;
    @UriParam(label = "producer")
    private String messageStructure;
    @UriParam(label = "producer")
    private MessageGroupIdStrategy messageGroupIdStrategy;
    @UriParam(label = "producer", defaultValue = "useExchangeId")
    private MessageDeduplicationIdStrategy messageDeduplicationIdStrategy = MessageDeduplicationIdStrategy.useExchangeId;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean batchEnabled;

    @UriParam(label = "subscription")
    private String subscribeQueue;
    @UriParam(label = "subscription")
    private String filterPolicy;
    @UriParam(label = "subscription", enums = "MessageAttributes,MessageBody")
    private String filterPolicyScope;
    @UriParam(label = "subscription", defaultValue = "false")
    private boolean rawMessageDelivery;

    /** Checks the options when the endpoint is created, naming the one that is wrong. */
    public void validate() {
        EngineChoice.checkOptions(engine, embeddedName);
        boolean subscribing = subscribeQueue != null;
        require(subscribing || filterPolicy == null, "filterPolicy", filterPolicy,
                "given with subscribeQueue: it filters what that queue's subscription receives");
        require(subscribing || filterPolicyScope == null, "filterPolicyScope", filterPolicyScope,
                "given with subscribeQueue and filterPolicy");
        require(subscribing || !rawMessageDelivery, "rawMessageDelivery", rawMessageDelivery,
                "given with subscribeQueue: it is how that queue's subscription delivers");
        require(!subscribing || QUEUE_NAME.matcher(subscribeQueue).matches(), "subscribeQueue", subscribeQueue,
                "a queue name: 1 to 80 characters of A-Z, a-z, 0-9, hyphen and underscore, a FIFO queue's ending in"
                        + " .fifo");
        require(filterPolicyScope == null || filterPolicyScope.equals("MessageAttributes")
                || filterPolicyScope.equals("MessageBody"), "filterPolicyScope", filterPolicyScope,
                "MessageAttributes or MessageBody");
        if (filterPolicy != null) {
            requireJsonObject("filterPolicy", filterPolicy, "{\"region\":[\"eu\",\"us\"]}");
        }
    }

    public Engine getEngine() {
        return engine;
    }

    /**
     * The engine to use; by default the component's (autowired from the registry when exactly one Engine is bound),
     * else the JVM's embedded engine named by embeddedName.
     */
    public void setEngine(Engine engine) {
        this.engine = engine;
    }

    public String getEmbeddedName() {
        return embeddedName;
    }

    /**
     * The embedded engine to use, by name: shared with every ferry-sqs endpoint and JMS ferry:embedded factory of
     * that name in this JVM. The default is the component's, else "default".
     */
    public void setEmbeddedName(String embeddedName) {
        this.embeddedName = embeddedName;
    }

    public boolean isAutoCreateTopic() {
        return autoCreateTopic;
    }

    /** Create the topic when the endpoint starts if it does not exist (a FIFO topic when its name ends in .fifo). */
    public void setAutoCreateTopic(boolean autoCreateTopic) {
        this.autoCreateTopic = autoCreateTopic;
    }

    public String getSubject() {
        return subject;
    }

    /** The subject of each message, used when the CamelAwsSnsSubject header is not present. */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getMessageStructure() {
        return messageStructure;
    }

    /**
     * The message structure: json makes the body a JSON object with a default key and optional per-protocol keys
     * (sqs); the CamelAwsSnsMessageStructure header overrides it.
     */
    public void setMessageStructure(String messageStructure) {
        this.messageStructure = messageStructure;
    }

    public MessageGroupIdStrategy getMessageGroupIdStrategy() {
        return messageGroupIdStrategy;
    }

    /**
     * Only for FIFO topics, and required there: useConstant (one group), useExchangeId (a group per exchange) or
     * usePropertyValue (the exchange property CamelAwsSnsMessageGroupId).
     */
    public void setMessageGroupIdStrategy(MessageGroupIdStrategy messageGroupIdStrategy) {
        this.messageGroupIdStrategy = messageGroupIdStrategy;
    }

    public MessageDeduplicationIdStrategy getMessageDeduplicationIdStrategy() {
        return messageDeduplicationIdStrategy;
    }

    /**
     * Only for FIFO topics: useExchangeId sends the exchange id as MessageDeduplicationId;
     * useContentBasedDeduplication sends none and relies on the topic's ContentBasedDeduplication.
     */
    public void setMessageDeduplicationIdStrategy(MessageDeduplicationIdStrategy messageDeduplicationIdStrategy) {
        this.messageDeduplicationIdStrategy = messageDeduplicationIdStrategy;
    }

    public boolean isBatchEnabled() {
        return batchEnabled;
    }

    /**
     * Publish the body, a List, as one PublishBatch (up to 10 entries): each element is an engine
     * PublishBatchRequestEntry, or a message body that gets the exchange's attributes, subject and FIFO ids. The
     * body becomes the engine's BatchResult.
     */
    public void setBatchEnabled(boolean batchEnabled) {
        this.batchEnabled = batchEnabled;
    }

    public String getSubscribeQueue() {
        return subscribeQueue;
    }

    /**
     * The name of a queue to subscribe to the topic when the endpoint starts (created if missing), so a route
     * declares its fan-out. Subscribing again with the same settings changes nothing; with other settings, the
     * subscription takes the ones declared here.
     */
    public void setSubscribeQueue(String subscribeQueue) {
        this.subscribeQueue = subscribeQueue;
    }

    public String getFilterPolicy() {
        return filterPolicy;
    }

    /**
     * The subscription's filter policy, a JSON object as SNS takes it (in a URI, wrap it in RAW(...)): the queue
     * receives only the messages it matches.
     */
    public void setFilterPolicy(String filterPolicy) {
        this.filterPolicy = filterPolicy;
    }

    public String getFilterPolicyScope() {
        return filterPolicyScope;
    }

    /** What the filter policy looks at: MessageAttributes (SNS's default) or MessageBody (a JSON body). */
    public void setFilterPolicyScope(String filterPolicyScope) {
        this.filterPolicyScope = filterPolicyScope;
    }

    public boolean isRawMessageDelivery() {
        return rawMessageDelivery;
    }

    /**
     * Deliver the message to the subscribed queue as it was published, with its attributes as message attributes,
     * rather than wrapped in SNS's JSON notification envelope.
     */
    public void setRawMessageDelivery(boolean rawMessageDelivery) {
        this.rawMessageDelivery = rawMessageDelivery;
    }
}
