package io.ferrymq.camel.sns;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.ListSubscriptionsResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sns.Subscription;
import io.ferrymq.engine.sns.SubscriptionAttributeName;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.QueueAttributeName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * subscribeQueue: the queue subscription a ferry-sns endpoint declares, made when it starts. The queue is created if
 * missing (FIFO when its name ends in .fifo), so the declaration does not depend on which route starts first. A
 * subscription that exists with other settings takes the declared ones: the route says what the fan-out is.
 */
final class QueueSubscription {
    private QueueSubscription() {
    }

    /** Subscribes the queue and returns the subscription's ARN. */
    static String declare(Engine engine, String topicArn, FerrySnsConfiguration c) {
        String queueArn = queueArn(engine, c.getSubscribeQueue());
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(SubscriptionAttributeName.RAW_MESSAGE_DELIVERY, Boolean.toString(c.isRawMessageDelivery()));
        if (c.getFilterPolicy() != null) {
            wanted.put(SubscriptionAttributeName.FILTER_POLICY, c.getFilterPolicy());
        }
        if (c.getFilterPolicyScope() != null) {
            wanted.put(SubscriptionAttributeName.FILTER_POLICY_SCOPE, c.getFilterPolicyScope());
        }
        try {
            return EngineCalls.await(engine.subscribe(SubscribeRequest.sqs(topicArn, queueArn, wanted)));
        } catch (EngineException e) {
            if (e.getMessage() != null && e.getMessage().contains("already exists with different attributes")) {
                return redeclare(engine, topicArn, queueArn, c);
            }
            throw refused(c, e);
        }
    }

    /** Sets the declared settings on the existing subscription; the policy is cleared first so any scope fits. */
    private static String redeclare(Engine engine, String topicArn, String queueArn, FerrySnsConfiguration c) {
        String arn = existing(engine, topicArn, queueArn);
        try {
            set(engine, arn, SubscriptionAttributeName.FILTER_POLICY, "");
            set(engine, arn, SubscriptionAttributeName.FILTER_POLICY_SCOPE,
                    c.getFilterPolicyScope() == null ? "" : c.getFilterPolicyScope());
            if (c.getFilterPolicy() != null) {
                set(engine, arn, SubscriptionAttributeName.FILTER_POLICY, c.getFilterPolicy());
            }
            set(engine, arn, SubscriptionAttributeName.RAW_MESSAGE_DELIVERY,
                    Boolean.toString(c.isRawMessageDelivery()));
        } catch (EngineException e) {
            throw refused(c, e);
        }
        return arn;
    }

    private static void set(Engine engine, String subscriptionArn, String name, String value) {
        EngineCalls.await(engine.setSubscriptionAttributes(subscriptionArn, name, value));
    }

    private static String existing(Engine engine, String topicArn, String queueArn) {
        String token = null;
        do {
            ListSubscriptionsResult page = EngineCalls.await(engine.listSubscriptionsByTopic(topicArn, token));
            for (Subscription s : page.subscriptions()) {
                if (s.endpoint().equals(queueArn)) {
                    return s.subscriptionArn();
                }
            }
            token = page.nextToken();
        } while (token != null);
        throw new IllegalStateException("The subscription of " + queueArn + " to " + topicArn + " disappeared while"
                + " it was being changed");
    }

    private static String queueArn(Engine engine, String queueName) {
        String url;
        try {
            url = EngineCalls.await(engine.getQueueUrl(queueName));
        } catch (EngineException e) {
            if (e.errorCode() != ErrorCode.QUEUE_DOES_NOT_EXIST) {
                throw new IllegalStateException("The queue '" + queueName + "' of the option subscribeQueue cannot"
                        + " be used (" + e + ")", e);
            }
            Map<String, String> attributes = queueName.endsWith(".fifo")
                    ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of();
            url = EngineCalls.await(engine.createQueue(CreateQueueRequest.of(queueName, attributes)));
        }
        return EngineCalls.await(engine.getQueueAttributes(url, List.of(QueueAttributeName.QUEUE_ARN)))
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static IllegalArgumentException refused(FerrySnsConfiguration c, EngineException e) {
        return new IllegalArgumentException("The subscription of queue '" + c.getSubscribeQueue()
                + "' (options subscribeQueue, filterPolicy, filterPolicyScope, rawMessageDelivery) was refused ("
                + e + ")", e);
    }
}
