package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineChoice;
import io.ferrymq.camel.MessageDeduplicationIdStrategy;
import io.ferrymq.camel.MessageGroupIdStrategy;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.engine.time.TimeSource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.ferrymq.camel.OptionChecks.require;
import static io.ferrymq.camel.OptionChecks.requireJsonObject;

/**
 * A ferry-sqs endpoint's options. Where camel-aws2-sqs has an option of the same name it means the same; the
 * defaults differ only where the consumer's long polling needs it (waitTimeSeconds, maxMessagesPerPoll).
 */
@UriParams
public class FerrySqsConfiguration {
    private static final Set<String> SYSTEM_ATTRIBUTES = Set.of(MessageSystemAttributeName.ALL,
            MessageSystemAttributeName.SENDER_ID, MessageSystemAttributeName.SENT_TIMESTAMP,
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, MessageSystemAttributeName.SEQUENCE_NUMBER,
            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, MessageSystemAttributeName.MESSAGE_GROUP_ID,
            MessageSystemAttributeName.AWS_TRACE_HEADER, MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN);

    // ---- common ----
    @UriParam(label = "common")
    private Engine engine;
    @UriParam(label = "common")
    private String embeddedName;
    @UriParam(label = "advanced")
    private TimeSource timeSource;
    @UriParam(label = "common", defaultValue = "false")
    private boolean autoCreateQueue;
    @UriParam(label = "common")
    private String queueOwnerAWSAccountId;

    // ---- consumer ----
    @UriParam(label = "consumer")
    private String attributeNames;
    @UriParam(label = "consumer")
    private String messageAttributeNames;
    @UriParam(label = "consumer", defaultValue = "1")
    private int concurrentConsumers = 1;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean deleteAfterRead = true;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean deleteIfFiltered = true;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean extendMessageVisibility;
    @UriParam(label = "consumer", defaultValue = "10")
    private int maxMessagesPerPoll = 10;
    @UriParam(label = "consumer")
    private Integer visibilityTimeout;
    @UriParam(label = "consumer", defaultValue = "20")
    private int waitTimeSeconds = 20;

    // ---- producer ----
    @UriParam(label = "producer", defaultValue = ",")
    private String batchSeparator = ",";
    @UriParam(label = "producer")
    private Integer delaySeconds;
    @UriParam(label = "producer", defaultValue = "useExchangeId")
    private MessageDeduplicationIdStrategy messageDeduplicationIdStrategy = MessageDeduplicationIdStrategy.useExchangeId;
    @UriParam(label = "producer")
    private MessageGroupIdStrategy messageGroupIdStrategy;
    @UriParam(label = "producer")
    private SqsOperation operation;

    // ---- queue (applied when the endpoint creates the queue, and to an existing one, as camel-aws2-sqs does) ----
    @UriParam(label = "queue")
    private Integer defaultVisibilityTimeout;
    @UriParam(label = "queue", defaultValue = "false")
    private boolean delayQueue;
    @UriParam(label = "queue")
    private Integer maximumMessageSize;
    @UriParam(label = "queue")
    private Integer messageRetentionPeriod;
    @UriParam(label = "queue")
    private Integer receiveMessageWaitTimeSeconds;
    @UriParam(label = "queue")
    private String redrivePolicy;

    /**
     * Checks what a wrong value would only show later, naming the option. The engine still checks the rest (queue
     * attribute values, redrive targets) with SQS's own errors when the endpoint starts.
     */
    public void validate() {
        EngineChoice.checkOptions(engine, embeddedName);
        require(concurrentConsumers >= 1, "concurrentConsumers", concurrentConsumers, "at least 1");
        require(maxMessagesPerPoll >= 1, "maxMessagesPerPoll", maxMessagesPerPoll,
                "at least 1 (more than 10 takes several receives)");
        require(waitTimeSeconds >= 1 && waitTimeSeconds <= 20, "waitTimeSeconds", waitTimeSeconds,
                "1 to 20: the consumer long-polls, so a short poll (0) would spin");
        require(visibilityTimeout == null || visibilityTimeout >= 0 && visibilityTimeout <= 43_200,
                "visibilityTimeout", visibilityTimeout, "0 to 43200 seconds");
        require(!extendMessageVisibility || visibilityTimeout == null || visibilityTimeout >= 1,
                "visibilityTimeout", visibilityTimeout, "at least 1 second with extendMessageVisibility");
        require(delaySeconds == null || delaySeconds >= 0 && delaySeconds <= 900, "delaySeconds", delaySeconds,
                "0 to 900 seconds");
        require(!delayQueue || delaySeconds != null, "delayQueue", delayQueue, "given with delaySeconds");
        require(batchSeparator != null && !batchSeparator.isEmpty(), "batchSeparator", batchSeparator, "non-empty");
        for (String name : attributeNames()) {
            require(SYSTEM_ATTRIBUTES.contains(name), "attributeNames", attributeNames,
                    "a comma-separated list of " + String.join(", ", SYSTEM_ATTRIBUTES.stream().sorted().toList()));
        }
        if (redrivePolicy != null) {
            requireJsonObject("redrivePolicy", redrivePolicy,
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:my-dlq\",\"maxReceiveCount\":3}");
        }
    }

    /** The attributeNames option as a list (empty when not given). */
    public List<String> attributeNames() {
        return split(attributeNames);
    }

    /** The messageAttributeNames option as a list (empty when not given: no message attributes, as aws2-sqs). */
    public List<String> messageAttributeNames() {
        return split(messageAttributeNames);
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // ---- accessors: the Javadoc on each setter is the option's description in the generated metadata ----

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
     * The embedded engine to use, by name: every ferry-sqs and ferry-sns endpoint and every JMS connection factory on
     * ferry:embedded?name=... of that name in this JVM share it. The default is the component's, else "default".
     */
    public void setEmbeddedName(String embeddedName) {
        this.embeddedName = embeddedName;
    }

    public TimeSource getTimeSource() {
        return timeSource;
    }

    /**
     * The clock the engine given by the engine option runs on, for the consumer's visibility extension timer (tests
     * bind a ManualTimeSource). An embedded engine brings its own; by default the component's, else the wall clock.
     */
    public void setTimeSource(TimeSource timeSource) {
        this.timeSource = timeSource;
    }

    public boolean isAutoCreateQueue() {
        return autoCreateQueue;
    }

    /** Create the queue when the endpoint starts if it does not exist (a FIFO queue when its name ends in .fifo). */
    public void setAutoCreateQueue(boolean autoCreateQueue) {
        this.autoCreateQueue = autoCreateQueue;
    }

    public String getQueueOwnerAWSAccountId() {
        return queueOwnerAWSAccountId;
    }

    /** The account that owns the queue, when it is not the engine's own account. */
    public void setQueueOwnerAWSAccountId(String queueOwnerAWSAccountId) {
        this.queueOwnerAWSAccountId = queueOwnerAWSAccountId;
    }

    public String getAttributeNames() {
        return attributeNames;
    }

    /**
     * A comma-separated list of system attributes to receive (All, ApproximateReceiveCount, SentTimestamp, ...); they
     * become the CamelAwsSqsAttributes header and a header each.
     */
    public void setAttributeNames(String attributeNames) {
        this.attributeNames = attributeNames;
    }

    public String getMessageAttributeNames() {
        return messageAttributeNames;
    }

    /**
     * A comma-separated list of message attributes to receive: All, names, or prefix patterns (a name prefix followed
     * by a dot and an asterisk). They become the CamelAwsSqsMessageAttributes header and a header each. None are
     * received when not given, as with camel-aws2-sqs.
     */
    public void setMessageAttributeNames(String messageAttributeNames) {
        this.messageAttributeNames = messageAttributeNames;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /** How many polling loops receive from the queue at once, each processing what it received in order. */
    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public boolean isDeleteAfterRead() {
        return deleteAfterRead;
    }

    /** Delete each message when its exchange completes successfully; a failed exchange never deletes. */
    public void setDeleteAfterRead(boolean deleteAfterRead) {
        this.deleteAfterRead = deleteAfterRead;
    }

    public boolean isDeleteIfFiltered() {
        return deleteIfFiltered;
    }

    /**
     * Delete the message, even with deleteAfterRead off, when its exchange completes with the property
     * CamelAwsSqsDeleteFiltered set to true.
     */
    public void setDeleteIfFiltered(boolean deleteIfFiltered) {
        this.deleteIfFiltered = deleteIfFiltered;
    }

    public boolean isExtendMessageVisibility() {
        return extendMessageVisibility;
    }

    /**
     * Keep each received message's visibility lease alive until its exchange completes, renewing it at half its term,
     * so a long-running exchange is not handed to another consumer. The term is visibilityTimeout, else the queue's
     * VisibilityTimeout.
     */
    public void setExtendMessageVisibility(boolean extendMessageVisibility) {
        this.extendMessageVisibility = extendMessageVisibility;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most messages one poll takes: a receive takes at most 10, so more than 10 adds receives that take what is
     * already there, without waiting.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Integer getVisibilityTimeout() {
        return visibilityTimeout;
    }

    /**
     * Seconds (0 to 43200) a received message stays hidden from other receives; by default the queue's
     * VisibilityTimeout.
     */
    public void setVisibilityTimeout(Integer visibilityTimeout) {
        this.visibilityTimeout = visibilityTimeout;
    }

    public int getWaitTimeSeconds() {
        return waitTimeSeconds;
    }

    /**
     * Seconds (1 to 20) a receive waits for a message to arrive: the consumer long-polls, and a message sent
     * meanwhile is delivered at once.
     */
    public void setWaitTimeSeconds(int waitTimeSeconds) {
        this.waitTimeSeconds = waitTimeSeconds;
    }

    public String getBatchSeparator() {
        return batchSeparator;
    }

    /** Where operation=sendBatchMessage splits a String body into messages. */
    public void setBatchSeparator(String batchSeparator) {
        this.batchSeparator = batchSeparator;
    }

    public Integer getDelaySeconds() {
        return delaySeconds;
    }

    /**
     * Seconds (0 to 900) before a sent message becomes visible; the CamelAwsSqsDelaySeconds header overrides it.
     * With delayQueue it is the queue's DelaySeconds instead.
     */
    public void setDelaySeconds(Integer delaySeconds) {
        this.delaySeconds = delaySeconds;
    }

    public MessageDeduplicationIdStrategy getMessageDeduplicationIdStrategy() {
        return messageDeduplicationIdStrategy;
    }

    /**
     * Only for FIFO queues: useExchangeId sends the exchange id as MessageDeduplicationId;
     * useContentBasedDeduplication sends none and relies on the queue's ContentBasedDeduplication.
     */
    public void setMessageDeduplicationIdStrategy(MessageDeduplicationIdStrategy messageDeduplicationIdStrategy) {
        this.messageDeduplicationIdStrategy = messageDeduplicationIdStrategy;
    }

    public MessageGroupIdStrategy getMessageGroupIdStrategy() {
        return messageGroupIdStrategy;
    }

    /**
     * Only for FIFO queues, and required there: useConstant (one group), useExchangeId (a group per exchange) or
     * usePropertyValue (the exchange property CamelAwsMessageGroupId).
     */
    public void setMessageGroupIdStrategy(MessageGroupIdStrategy messageGroupIdStrategy) {
        this.messageGroupIdStrategy = messageGroupIdStrategy;
    }

    public SqsOperation getOperation() {
        return operation;
    }

    /**
     * What the producer does instead of sending the body as one message; the CamelAwsSqsOperation header overrides
     * it.
     */
    public void setOperation(SqsOperation operation) {
        this.operation = operation;
    }

    public Integer getDefaultVisibilityTimeout() {
        return defaultVisibilityTimeout;
    }

    /** The queue's VisibilityTimeout attribute, in seconds. */
    public void setDefaultVisibilityTimeout(Integer defaultVisibilityTimeout) {
        this.defaultVisibilityTimeout = defaultVisibilityTimeout;
    }

    public boolean isDelayQueue() {
        return delayQueue;
    }

    /** Make delaySeconds the queue's DelaySeconds attribute rather than a delay on each message sent. */
    public void setDelayQueue(boolean delayQueue) {
        this.delayQueue = delayQueue;
    }

    public Integer getMaximumMessageSize() {
        return maximumMessageSize;
    }

    /** The queue's MaximumMessageSize attribute, in bytes. */
    public void setMaximumMessageSize(Integer maximumMessageSize) {
        this.maximumMessageSize = maximumMessageSize;
    }

    public Integer getMessageRetentionPeriod() {
        return messageRetentionPeriod;
    }

    /** The queue's MessageRetentionPeriod attribute, in seconds. */
    public void setMessageRetentionPeriod(Integer messageRetentionPeriod) {
        this.messageRetentionPeriod = messageRetentionPeriod;
    }

    public Integer getReceiveMessageWaitTimeSeconds() {
        return receiveMessageWaitTimeSeconds;
    }

    /** The queue's ReceiveMessageWaitTimeSeconds attribute: how long receives that give no wait time wait. */
    public void setReceiveMessageWaitTimeSeconds(Integer receiveMessageWaitTimeSeconds) {
        this.receiveMessageWaitTimeSeconds = receiveMessageWaitTimeSeconds;
    }

    public String getRedrivePolicy() {
        return redrivePolicy;
    }

    /**
     * The queue's RedrivePolicy, a JSON object as SQS takes it, with deadLetterTargetArn (the dead-letter queue's
     * ARN) and maxReceiveCount; in a URI, wrap it in RAW(...). A message received that many times without its
     * exchange succeeding goes to the dead-letter queue.
     */
    public void setRedrivePolicy(String redrivePolicy) {
        this.redrivePolicy = redrivePolicy;
    }
}
