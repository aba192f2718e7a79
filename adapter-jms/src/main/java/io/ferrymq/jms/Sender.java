package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.jms.message.EncodedMessage;
import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.message.WireCodec;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import io.ferrymq.jms.provider.SqsNames;
import io.ferrymq.jms.selector.FilterAttributes;
import jakarta.jms.JMSException;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a JMS message into the engine's form for its destination and sends it. Delivery delay: a queue takes it as
 * DelaySeconds, rounded up to the second, at most SQS's 15 minutes; a topic message carries its delivery time and
 * each subscription holds it back until then (SNS has no per-message delay), at most 12 hours.
 */
final class Sender {
    static final long MAX_QUEUE_DELAY_MS = 900_000;
    static final long MAX_TOPIC_DELAY_MS = 43_200_000;
    /** FIFO queues need a group: without JMSXGroupID every message shares this one, keeping the queue in order. */
    static final String DEFAULT_GROUP = "ferry-default";

    private final FerrySession session;
    private final FerryProvider provider;

    Sender(FerrySession session) {
        this.session = session;
        this.provider = session.provider();
    }

    Outgoing prepare(FerryDestination target, FerryMessage message, long deliveryDelay, long now)
            throws JMSException {
        EncodedMessage encoded = WireCodec.encode(message);
        boolean fifo = SqsNames.isFifo(target.name());
        String groupId = null;
        String dedupId = null;
        if (fifo) {
            Object group = message.getObjectProperty("JMSXGroupID");
            groupId = group == null ? DEFAULT_GROUP : group.toString();
            dedupId = message.getJMSMessageID() != null ? message.getJMSMessageID() : "ID:" + UUID.randomUUID();
        }
        if (target.isTopic()) {
            if (deliveryDelay > MAX_TOPIC_DELAY_MS) {
                throw new JMSException("A delivery delay of " + deliveryDelay + " ms is longer than the 12 hours "
                        + "FerryMQ can hold a topic message back (the SQS visibility timeout limit)");
            }
            Map<String, MessageAttributeValue> attributes = new HashMap<>(FilterAttributes.of(message));
            attributes.putAll(encoded.attributes());
            return new Outgoing(true, topicArn(target), encoded.body(), attributes, null, groupId, dedupId);
        }
        Integer delaySeconds = null;
        if (deliveryDelay > 0) {
            if (deliveryDelay > MAX_QUEUE_DELAY_MS) {
                throw new JMSException("A delivery delay of " + deliveryDelay + " ms is longer than the 15 minutes "
                        + "SQS allows on a queue (DelaySeconds 900)");
            }
            if (fifo) {
                throw new JMSException("FIFO queue " + target.name() + " takes no per-message delivery delay (SQS "
                        + "allows only a queue-wide DelaySeconds on FIFO queues)");
            }
            delaySeconds = (int) ((deliveryDelay + 999) / 1000);
        }
        return new Outgoing(false, queueUrl(target), encoded.body(), encoded.attributes(), delaySeconds, groupId,
                dedupId);
    }

    private String queueUrl(FerryDestination target) throws JMSException {
        if (target.isTemporary()) {
            return provider.destinations().existingQueueUrl(target.name());
        }
        return provider.destinations().queueUrl(target.name());
    }

    private String topicArn(FerryDestination target) throws JMSException {
        if (target.isTemporary()) {
            return provider.destinations().existingTopicArn(target.name());
        }
        return provider.destinations().topicArn(target.name());
    }

    /** Sends; a queue or topic deleted since its address was remembered is looked up (and created) once more. */
    CompletableFuture<Void> send(FerryDestination target, Outgoing outgoing) {
        return attempt(outgoing).exceptionallyCompose(failure -> {
            if (!JmsErrors.isMissingDestination(failure) || target.isTemporary()) {
                return CompletableFuture.failedFuture(failure);
            }
            provider.destinations().forget(target.name());
            try {
                String address = target.isTopic() ? topicArn(target) : queueUrl(target);
                return attempt(new Outgoing(outgoing.topic(), address, outgoing.body(), outgoing.attributes(),
                        outgoing.delaySeconds(), outgoing.groupId(), outgoing.deduplicationId()));
            } catch (JMSException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private CompletableFuture<Void> attempt(Outgoing outgoing) {
        Engine engine = provider.engine();
        return outgoing.topic()
                ? engine.publish(outgoing.toPublish()).thenApply(r -> null)
                : engine.sendMessage(outgoing.toSend()).thenApply(r -> null);
    }
}
