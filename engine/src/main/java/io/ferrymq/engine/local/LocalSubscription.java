package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static io.ferrymq.engine.sns.SubscriptionAttributeName.CONFIRMATION_WAS_AUTHENTICATED;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.DELIVERY_POLICY;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.ENDPOINT;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.FILTER_POLICY;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.FILTER_POLICY_SCOPE;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.OWNER;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.PENDING_CONFIRMATION;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.PROTOCOL;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.RAW_MESSAGE_DELIVERY;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.REDRIVE_POLICY;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.REPLAY_POLICY;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.REPLAY_STATUS;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.SUBSCRIPTION_ARN;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.SUBSCRIPTION_ROLE_ARN;
import static io.ferrymq.engine.sns.SubscriptionAttributeName.TOPIC_ARN;

/**
 * An SQS subscription to a topic: its endpoint (a queue ARN) and its settable attributes, parsed once. Immutable;
 * SetSubscriptionAttributes makes a new one and a new router.
 */
record LocalSubscription(String arn, String topicArn, String endpoint, String owner,
                         Map<String, String> settable, FilterPolicy filterPolicy, boolean raw,
                         String deadLetterArn, ReplayPolicy replayPolicy, String replayStatus) {

    static final java.util.Set<String> SETTABLE = java.util.Set.of(DELIVERY_POLICY, FILTER_POLICY,
            FILTER_POLICY_SCOPE, RAW_MESSAGE_DELIVERY, REDRIVE_POLICY, REPLAY_POLICY, SUBSCRIPTION_ROLE_ARN);

    /** SNS words a refused attribute one way at Subscribe and another at SetSubscriptionAttributes. */
    static final String AT_SUBSCRIBE = "Attributes Reason: ";
    static final String AT_SET = "";

    /** A subscription with the given attributes, checked and normalized as SNS does at Subscribe. */
    static LocalSubscription create(String arn, String topicArn, String endpoint, String owner,
                                    Map<String, String> attributes, boolean fifoTopic) {
        Map<String, String> settable = new TreeMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (!SETTABLE.contains(e.getKey())) {
                throw SnsErrors.invalidParameter(AT_SUBSCRIBE + "AttributeName");
            }
            settable.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return build(arn, topicArn, endpoint, owner, settable, fifoTopic, null, AT_SUBSCRIBE);
    }

    /** This subscription with one attribute changed (an empty value clears an optional one). */
    LocalSubscription with(String name, String value, boolean fifoTopic) {
        if (!SETTABLE.contains(name)) {
            throw SnsErrors.invalidParameter(AT_SET + "AttributeName");
        }
        if (name.equals(RAW_MESSAGE_DELIVERY) && (value == null || value.isEmpty())) { // not a clear, as SNS says
            throw SnsErrors.invalidParameter(AT_SET + "RawMessageDelivery: Invalid value []. Must be true or false.");
        }
        Map<String, String> next = new TreeMap<>(settable);
        next.put(name, value == null ? "" : value);
        return build(arn, topicArn, endpoint, owner, next, fifoTopic, replayStatus, AT_SET);
    }

    LocalSubscription withoutReplayPolicy() {
        return new LocalSubscription(arn, topicArn, endpoint, owner, settable, filterPolicy, raw, deadLetterArn, null,
                replayStatus);
    }

    LocalSubscription withReplayStatus(String status) {
        return new LocalSubscription(arn, topicArn, endpoint, owner, settable, filterPolicy, raw, deadLetterArn,
                replayPolicy, status);
    }

    private static LocalSubscription build(String arn, String topicArn, String endpoint, String owner,
                                           Map<String, String> given, boolean fifoTopic, String replayStatus,
                                           String prefix) {
        Map<String, String> s = new TreeMap<>(given);
        s.values().removeIf(String::isEmpty);
        String rawValue = s.getOrDefault(RAW_MESSAGE_DELIVERY, "false");
        if (!rawValue.equalsIgnoreCase("true") && !rawValue.equalsIgnoreCase("false")) {
            throw SnsErrors.invalidParameter(prefix + "RawMessageDelivery: Invalid value [" + rawValue
                    + "]. Must be true or false.");
        }
        s.put(RAW_MESSAGE_DELIVERY, rawValue.toLowerCase());
        FilterPolicy policy = null;
        if (s.containsKey(FILTER_POLICY)) {
            FilterPolicy.Scope scope = FilterPolicy.Scope.of(s.getOrDefault(FILTER_POLICY_SCOPE, "MessageAttributes"),
                    prefix);
            policy = FilterPolicy.parse(s.get(FILTER_POLICY), scope, prefix);
            s.put(FILTER_POLICY_SCOPE, scope.attributeValue);
        } else if (s.containsKey(FILTER_POLICY_SCOPE)) {
            FilterPolicy.Scope.of(s.get(FILTER_POLICY_SCOPE), prefix);
        }
        String dlq = null;
        if (s.containsKey(REDRIVE_POLICY)) {
            dlq = deadLetterTarget(s.get(REDRIVE_POLICY), prefix);
            if (fifoTopic && endpoint.endsWith(".fifo") && !dlq.endsWith(".fifo")) {
                throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO"
                        + " Subscription to a FIFO Topic.");
            }
        }
        ReplayPolicy replay = null;
        if (s.containsKey(REPLAY_POLICY)) {
            if (!fifoTopic) {
                throw SnsErrors.invalidParameter(prefix + "ReplayPolicy: Replay is only supported for FIFO topics");
            }
            replay = ReplayPolicy.parse(s.get(REPLAY_POLICY), prefix);
        }
        return new LocalSubscription(arn, topicArn, endpoint, owner, Collections.unmodifiableMap(s), policy,
                s.get(RAW_MESSAGE_DELIVERY).equals("true"), dlq, replay, replayStatus);
    }

    private static String deadLetterTarget(String json, String prefix) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: failed to parse JSON. " + e.getOriginalMessage());
        }
        JsonNode target = node == null ? null : node.get("deadLetterTargetArn");
        if (target != null && target.isTextual() && ResourceNames.looksLikeQueueArn(target.asText())) {
            return target.asText();
        }
        throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: deadLetterTargetArn is an invalid arn");
    }

    /** All attributes as GetSubscriptionAttributes returns them. */
    Map<String, String> attributes() {
        Map<String, String> out = new TreeMap<>(settable);
        if (!out.containsKey(FILTER_POLICY)) {
            out.remove(FILTER_POLICY_SCOPE); // SNS shows the scope only with a policy (it keeps it for a later one)
        }
        out.put(SUBSCRIPTION_ARN, arn);
        out.put(TOPIC_ARN, topicArn);
        out.put(OWNER, owner);
        out.put(PROTOCOL, "sqs");
        out.put(ENDPOINT, endpoint);
        out.put(CONFIRMATION_WAS_AUTHENTICATED, "true");
        out.put(PENDING_CONFIRMATION, "false");
        out.put("SubscriptionPrincipal", "arn:aws:iam::" + owner + ":user/ferrymq");
        if (replayStatus != null) {
            out.put(REPLAY_STATUS, replayStatus);
        }
        return out;
    }
}
