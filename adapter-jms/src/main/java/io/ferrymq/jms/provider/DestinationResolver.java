package io.ferrymq.jms.provider;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds (and, with autoCreate, creates) the SQS queue or SNS topic behind a JMS name, remembering the answer.
 * Queues named {@code *.fifo} are FIFO queues; with the maxReceiveCount/deadLetterQueue options every queue the
 * provider creates gets that RedrivePolicy, so a poison message ends in the dead-letter queue as on a broker.
 */
public final class DestinationResolver {
    private final Engine engine;
    private final ProviderOptions options;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, String> topicArns = new ConcurrentHashMap<>();

    public DestinationResolver(Engine engine, ProviderOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** The URL of the queue for a JMS queue name. */
    public String queueUrl(String jmsName) throws JMSException {
        String url = queueUrls.get(jmsName);
        if (url == null) {
            url = lookUpOrCreateQueue(jmsName);
            queueUrls.put(jmsName, url);
        }
        return url;
    }

    /** The ARN of the topic for a JMS topic name. */
    public String topicArn(String jmsName) throws JMSException {
        String arn = topicArns.get(jmsName);
        if (arn == null) {
            arn = lookUpOrCreateTopic(jmsName);
            topicArns.put(jmsName, arn);
        }
        return arn;
    }

    /** The URL of a queue that must already exist (a temporary queue): never created here. */
    public String existingQueueUrl(String sqsName) throws JMSException {
        try {
            return JmsErrors.await(engine.getQueueUrl(sqsName));
        } catch (InvalidDestinationException e) {
            throw new InvalidDestinationException("Temporary queue " + sqsName + " has been deleted");
        }
    }

    /** The ARN of a topic that must already exist (a temporary topic): never created here. */
    public String existingTopicArn(String snsName) throws JMSException {
        String arn = "arn:aws:sns:" + options.region() + ":" + options.accountId() + ":" + snsName;
        try {
            JmsErrors.await(engine.getTopicAttributes(arn));
            return arn;
        } catch (InvalidDestinationException e) {
            throw new InvalidDestinationException("Temporary topic " + snsName + " has been deleted");
        }
    }

    /** Forgets a name whose queue or topic turned out to be gone, so the next use looks again. */
    public void forget(String jmsName) {
        queueUrls.remove(jmsName);
        topicArns.remove(jmsName);
    }

    public String queueArn(String queueUrl) throws JMSException {
        return JmsErrors.await(engine.getQueueAttributes(queueUrl, List.of("QueueArn"))).get("QueueArn");
    }

    private String lookUpOrCreateQueue(String jmsName) throws JMSException {
        String sqsName = name(jmsName, true);
        try {
            return JmsErrors.await(engine.getQueueUrl(sqsName));
        } catch (InvalidDestinationException missing) {
            if (!options.autoCreate()) {
                throw new InvalidDestinationException("Queue " + jmsName + " does not exist (SQS queue " + sqsName
                        + ") and autoCreate is off");
            }
        }
        return JmsErrors.await(engine.createQueue(new CreateQueueRequest(sqsName, queueAttributes(jmsName), Map.of())));
    }

    private Map<String, String> queueAttributes(String jmsName) throws JMSException {
        Map<String, String> attributes = new HashMap<>();
        if (SqsNames.isFifo(jmsName)) {
            attributes.put("FifoQueue", "true");
        }
        String dlq = deadLetterQueueFor(SqsNames.isFifo(jmsName));
        if (dlq != null && !dlq.equals(jmsName)) {
            attributes.putAll(redriveAttributes(SqsNames.isFifo(jmsName)));
        }
        return attributes;
    }

    /**
     * The RedrivePolicy attribute for a queue the provider creates other than for a JMS queue (a topic subscription,
     * a temporary queue), or nothing when the options name no dead-letter queue.
     */
    public Map<String, String> redriveAttributes(boolean fifo) throws JMSException {
        String dlq = deadLetterQueueFor(fifo);
        if (dlq == null) {
            return Map.of();
        }
        return Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + queueArn(queueUrl(dlq))
                + "\",\"maxReceiveCount\":" + options.maxReceiveCount() + "}");
    }

    /** A FIFO queue's dead-letter queue must be FIFO too: {@code DLQ} serves standard queues, {@code DLQ.fifo} FIFO ones. */
    private String deadLetterQueueFor(boolean fifo) {
        String dlq = options.deadLetterQueue();
        if (dlq == null || SqsNames.isFifo(dlq) == fifo) {
            return dlq;
        }
        return fifo ? dlq + ".fifo" : dlq.substring(0, dlq.length() - ".fifo".length());
    }

    private String lookUpOrCreateTopic(String jmsName) throws JMSException {
        String snsName = name(jmsName, false);
        if (!options.autoCreate()) {
            return existingTopicArn(snsName);
        }
        Map<String, String> attributes = SqsNames.isFifo(jmsName) ? Map.of("FifoTopic", "true") : Map.of();
        return JmsErrors.await(engine.createTopic(CreateTopicRequest.of(snsName, attributes)));
    }

    private static String name(String jmsName, boolean queue) throws InvalidDestinationException {
        try {
            return queue ? SqsNames.queueName(jmsName) : SqsNames.topicName(jmsName);
        } catch (IllegalArgumentException e) {
            throw new InvalidDestinationException(e.getMessage());
        }
    }
}
