package io.ferrymq.jms;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.jms.provider.ActiveSubscriptions;
import io.ferrymq.jms.provider.FerryProvider;
import io.ferrymq.jms.provider.JmsErrors;
import io.ferrymq.jms.provider.SqsNames;
import io.ferrymq.jms.selector.JmsSelector;
import io.ferrymq.jms.selector.SelectorPushDown;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic subscriptions as SQS queues subscribed to the topic's SNS topic. The selector becomes the subscription's
 * filter policy where it translates, so SNS drops what the subscriber would; delivery is not raw, so every JMS
 * property reaches the subscriber however many there are. A named subscription's queue is tagged with its topic,
 * selector and noLocal, so a later subscriber can tell whether it is the same subscription or a changed one.
 */
final class Subscriptions {
    static final String TAG_TOPIC = "ferry.topic";
    static final String TAG_SELECTOR = "ferry.selector";
    static final String TAG_NO_LOCAL = "ferry.noLocal";
    static final String TAG_SUBSCRIPTION = "ferry.subscription";
    static final String TAG_SHARED = "ferry.shared";

    private Subscriptions() {
    }

    /** A subscription of one consumer, removed when it closes. */
    static FerryMessageConsumer nonDurable(FerrySession session, FerryTopic topic, String selectorText,
                                           boolean noLocal) throws JMSException {
        JmsSelector selector = JmsSelector.parse(selectorText);
        String topicArn = topicArn(session, topic);
        boolean fifo = SqsNames.isFifo(topic.name());
        String queueName = SqsNames.uniqueName("sub") + (fifo ? ".fifo" : "");
        Created q = create(session.provider(), topicArn, queueName, fifo, selector, noLocal);
        return new FerryMessageConsumer(session, topic, selector, noLocal, q.queueUrl, true,
                () -> remove(session.provider(), q.queueUrl, q.subscriptionArn));
    }

    /** An unshared durable subscription: needs a client ID; one active consumer at a time. */
    static FerryMessageConsumer durable(FerrySession session, FerryTopic topic, String name, String selectorText,
                                        boolean noLocal) throws JMSException {
        requireName(name);
        String clientId = session.connection().getClientID();
        if (clientId == null) {
            throw new IllegalStateException("An unshared durable subscription needs the connection's client ID set");
        }
        JmsSelector selector = JmsSelector.parse(selectorText);
        String topicArn = topicArn(session, topic);
        String stem = SqsNames.subscriptionStem("dsub", clientId, name);
        ActiveSubscriptions active = session.provider().subscriptions();
        active.activateDurable(stem);
        try {
            String url = ensure(session.provider(), topicArn, stem, selector, noLocal, false, true);
            return new FerryMessageConsumer(session, topic, selector, noLocal, url, true,
                    () -> active.deactivateDurable(stem));
        } catch (JMSException | RuntimeException e) {
            active.deactivateDurable(stem);
            throw e;
        }
    }

    /** A shared subscription, durable or not; the client ID, if set, is part of its identity. */
    static FerryMessageConsumer shared(FerrySession session, FerryTopic topic, String name, String selectorText,
                                       boolean durable) throws JMSException {
        requireName(name);
        String clientId = session.connection().getClientID();
        JmsSelector selector = JmsSelector.parse(selectorText);
        String topicArn = topicArn(session, topic);
        String stem = SqsNames.subscriptionStem(durable ? "dsub" : "ssub", clientId, name);
        ActiveSubscriptions active = session.provider().subscriptions();
        boolean first = active.joinShared(stem);
        try {
            String url = ensure(session.provider(), topicArn, stem, selector, false, true, first);
            return new FerryMessageConsumer(session, topic, selector, false, url, true, () -> {
                if (active.leaveShared(stem) && !durable) {
                    removeNamed(session.provider(), stem);
                }
            });
        } catch (JMSException | RuntimeException e) {
            active.leaveShared(stem);
            throw e;
        }
    }

    /** Session.unsubscribe: removes a durable subscription that has no active consumer. */
    static void unsubscribe(FerrySession session, String name) throws JMSException {
        requireName(name);
        String clientId = session.connection().getClientID();
        FerryProvider provider = session.provider();
        String stem = SqsNames.subscriptionStem("dsub", clientId, name);
        if (provider.subscriptions().isActive(stem)) {
            throw new IllegalStateException("Durable subscription " + name + " has an active consumer");
        }
        if (removeNamed(provider, stem)) {
            return;
        }
        throw new InvalidDestinationException("There is no durable subscription named " + name
                + (clientId == null ? "" : " for client ID " + clientId));
    }

    private static void requireName(String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new JMSException("A subscription name must not be empty");
        }
    }

    private static String topicArn(FerrySession session, FerryTopic topic) throws JMSException {
        FerryProvider provider = session.provider();
        session.connection().markUsed();
        if (topic.isTemporary()) {
            if (!session.connection().owns(topic)) {
                throw new InvalidDestinationException("Only the connection that created temporary topic "
                        + topic.name() + " can consume from it");
            }
            return provider.destinations().existingTopicArn(topic.name());
        }
        return provider.destinations().topicArn(topic.name());
    }

    private record Created(String queueUrl, String subscriptionArn) {
    }

    /** The named subscription's queue: reused when it is the same subscription, replaced when it changed. */
    private static String ensure(FerryProvider provider, String topicArn, String stem, JmsSelector selector,
                                 boolean noLocal, boolean shared, boolean mayReplace) throws JMSException {
        Engine engine = provider.engine();
        String url = existing(engine, stem);
        if (url != null) {
            Map<String, String> tags = JmsErrors.await(engine.listQueueTags(url));
            String wasShared = tags.get(TAG_SHARED);
            if (wasShared != null && !wasShared.equals(Boolean.toString(shared))) {
                // JMS 2.0 §8.3.3/§8.3.4: one name and client ID cannot be both a shared and an unshared subscription.
                throw new JMSException("There is already " + (shared ? "an unshared" : "a shared") + " durable "
                        + "subscription " + stem + " with this name and client ID; unsubscribe it first");
            }
            if (topicArn.equals(tags.get(TAG_TOPIC)) && selectorTag(selector).equals(tags.get(TAG_SELECTOR))
                    && Boolean.toString(noLocal).equals(tags.get(TAG_NO_LOCAL))) {
                return url;
            }
            if (!mayReplace) {
                throw new IllegalStateException("Subscription " + stem + " is in use with another topic or "
                        + "selector");
            }
            // A changed durable subscription is a new one: the spec says the old one and its messages go.
            remove(provider, url, tags.get(TAG_SUBSCRIPTION));
        }
        boolean fifo = topicArn.endsWith(".fifo");
        Created c = create(provider, topicArn, SqsNames.incarnation(stem, fifo), fifo, selector, noLocal);
        JmsErrors.await(engine.tagQueue(c.queueUrl, Map.of(TAG_SHARED, Boolean.toString(shared))));
        return c.queueUrl;
    }

    private static Created create(FerryProvider provider, String topicArn, String queueName, boolean fifo,
                                  JmsSelector selector, boolean noLocal) throws JMSException {
        Engine engine = provider.engine();
        Map<String, String> tags = Map.of(TAG_TOPIC, topicArn, TAG_SELECTOR, selectorTag(selector),
                TAG_NO_LOCAL, Boolean.toString(noLocal));
        Map<String, String> queueAttributes = new HashMap<>(provider.destinations().redriveAttributes(fifo));
        if (fifo) {
            queueAttributes.put("FifoQueue", "true");
        }
        String url = JmsErrors.await(engine.createQueue(new CreateQueueRequest(queueName, queueAttributes, tags)));
        Map<String, String> attributes = new HashMap<>();
        SelectorPushDown.translate(selector.text()).filterPolicy()
                .ifPresent(policy -> attributes.put("FilterPolicy", policy));
        String subscriptionArn = JmsErrors.await(engine.subscribe(SubscribeRequest.sqs(topicArn,
                provider.destinations().queueArn(url), attributes)));
        JmsErrors.await(engine.tagQueue(url, Map.of(TAG_SUBSCRIPTION, subscriptionArn)));
        return new Created(url, subscriptionArn);
    }

    private static String selectorTag(JmsSelector selector) {
        return selector.selectsEverything() ? "" : SqsNames.hash(selector.text());
    }

    /** The current incarnation of a named subscription's queue, or null. */
    private static String existing(Engine engine, String stem) throws JMSException {
        List<String> urls = JmsErrors.await(engine.listQueues(new ListQueuesRequest(stem + "-", 1000, null)))
                .queueUrls();
        return urls.isEmpty() ? null : urls.get(0);
    }

    /** Removes a named subscription's queue and SNS subscription; false when there was none. */
    private static boolean removeNamed(FerryProvider provider, String stem) throws JMSException {
        String url = existing(provider.engine(), stem);
        if (url == null) {
            return false;
        }
        remove(provider, url, JmsErrors.await(provider.engine().listQueueTags(url)).get(TAG_SUBSCRIPTION));
        return true;
    }

    private static void remove(FerryProvider provider, String queueUrl, String subscriptionArn) throws JMSException {
        if (subscriptionArn != null) {
            JmsErrors.await(provider.engine().unsubscribe(subscriptionArn));
        }
        try {
            JmsErrors.await(provider.engine().deleteQueue(queueUrl));
        } catch (InvalidDestinationException alreadyGone) {
            // removed by another consumer of the same subscription meanwhile
        }
    }

}
