package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.GenericMachine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic's subscriptions with their filter policies compiled into one Event Ruler machine per scope, so a publish to
 * a topic with hundreds of filtered subscriptions is one match per scope, not one evaluation per subscription.
 * Immutable: a subscription change builds a new router, and publishes in flight keep the one they started with.
 */
final class SubscriptionRouter {
    static final SubscriptionRouter EMPTY = new SubscriptionRouter(new LinkedHashMap<>());

    private final Map<String, LocalSubscription> byArn; // in subscription order
    private final List<LocalSubscription> unfiltered = new ArrayList<>();
    private final GenericMachine<String> byAttributes = new GenericMachine<>();
    private final GenericMachine<String> byBody = new GenericMachine<>();

    private SubscriptionRouter(LinkedHashMap<String, LocalSubscription> byArn) {
        this.byArn = byArn;
        for (LocalSubscription s : byArn.values()) {
            if (s.replayPolicy() != null && s.replayPolicy().pausesLiveDelivery()) {
                continue; // a replay with an end point leaves the subscription paused, as in SNS
            }
            FilterPolicy policy = s.filterPolicy();
            if (policy == null) {
                unfiltered.add(s);
                continue;
            }
            try {
                (policy.scope() == FilterPolicy.Scope.MESSAGE_BODY ? byBody : byAttributes).addRule(s.arn(),
                        policy.json());
            } catch (IOException e) {
                throw new IllegalStateException("a filter policy that passed validation did not compile", e);
            }
        }
    }

    SubscriptionRouter with(LocalSubscription s) {
        LinkedHashMap<String, LocalSubscription> next = new LinkedHashMap<>(byArn);
        next.put(s.arn(), s);
        return new SubscriptionRouter(next);
    }

    SubscriptionRouter without(String subscriptionArn) {
        LinkedHashMap<String, LocalSubscription> next = new LinkedHashMap<>(byArn);
        next.remove(subscriptionArn);
        return new SubscriptionRouter(next);
    }

    LocalSubscription get(String subscriptionArn) {
        return byArn.get(subscriptionArn);
    }

    List<LocalSubscription> all() {
        return List.copyOf(byArn.values());
    }

    int size() {
        return byArn.size();
    }

    /**
     * The live subscriptions whose filter policy (if any) matches: the unfiltered ones, then those the machines
     * name. The cost follows the number of matches, not the number of subscriptions; the order across subscriptions
     * carries no meaning (each queue keeps its own order).
     */
    List<LocalSubscription> matching(PublishedMessage m) {
        List<String> attributeMatches = m.attributeEvent() != null && !byAttributes.isEmpty()
                ? byAttributes.rulesForJSONEvent(m.attributeEvent()) : List.of();
        JsonNode body = byBody.isEmpty() ? null : PublishValidation.bodyEvent(m.sqsMessage());
        List<String> bodyMatches = body != null ? byBody.rulesForJSONEvent(body) : List.of();
        if (attributeMatches.isEmpty() && bodyMatches.isEmpty()) {
            return unfiltered;
        }
        List<LocalSubscription> out = new ArrayList<>(unfiltered.size() + attributeMatches.size()
                + bodyMatches.size());
        out.addAll(unfiltered);
        if (attributeMatches.size() + bodyMatches.size() == 1) {
            out.add(byArn.get(attributeMatches.isEmpty() ? bodyMatches.get(0) : attributeMatches.get(0)));
            return out;
        }
        Set<String> once = new LinkedHashSet<>(attributeMatches); // a rule with $or must still deliver once
        once.addAll(bodyMatches);
        once.forEach(arn -> out.add(byArn.get(arn)));
        return out;
    }

    /** Whether this one subscription's filter policy matches, paused or not (for replaying to it alone). */
    static boolean matches(LocalSubscription s, PublishedMessage m) {
        LocalSubscription live = s.replayPolicy() == null ? s : s.withoutReplayPolicy();
        return new SubscriptionRouter(new LinkedHashMap<>(Map.of(live.arn(), live))).matching(m).contains(live);
    }
}
