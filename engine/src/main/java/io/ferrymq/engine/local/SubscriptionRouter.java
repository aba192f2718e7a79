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
 * The subscription set is an immutable snapshot: publishes in flight keep the one they started with. The machines
 * are shared by a topic's successive snapshots and changed one rule at a time (Event Ruler matches concurrently with
 * a single updater, and the topic's lock makes its changes single), so a subscribe costs one rule, not all of them.
 * A snapshot ignores matches for subscriptions it does not hold.
 */
final class SubscriptionRouter {
    private final Map<String, LocalSubscription> byArn; // in subscription order
    private final List<LocalSubscription> unfiltered;
    private final GenericMachine<String> byAttributes;
    private final GenericMachine<String> byBody;

    private SubscriptionRouter(Map<String, LocalSubscription> byArn, GenericMachine<String> byAttributes,
                               GenericMachine<String> byBody) {
        this.byArn = byArn;
        this.byAttributes = byAttributes;
        this.byBody = byBody;
        this.unfiltered = byArn.values().stream().filter(s -> isLive(s) && s.filterPolicy() == null).toList();
    }

    /** An empty router with machines of its own: one per topic. */
    static SubscriptionRouter empty() {
        return new SubscriptionRouter(Map.of(), new GenericMachine<>(), new GenericMachine<>());
    }

    /** This router with {@code s} added or replacing the subscription of its ARN. Only under the topic's lock. */
    SubscriptionRouter with(LocalSubscription s) {
        LocalSubscription previous = byArn.get(s.arn());
        if (previous != null) {
            unroute(previous);
        }
        route(s);
        LinkedHashMap<String, LocalSubscription> next = new LinkedHashMap<>(byArn);
        next.put(s.arn(), s);
        return new SubscriptionRouter(next, byAttributes, byBody);
    }

    /** This router without the subscription. Only under the topic's lock. */
    SubscriptionRouter without(String subscriptionArn) {
        LocalSubscription previous = byArn.get(subscriptionArn);
        if (previous == null) {
            return this;
        }
        unroute(previous);
        LinkedHashMap<String, LocalSubscription> next = new LinkedHashMap<>(byArn);
        next.remove(subscriptionArn);
        return new SubscriptionRouter(next, byAttributes, byBody);
    }

    /** A replay with an end point leaves the subscription paused, as in SNS. */
    private static boolean isLive(LocalSubscription s) {
        return s.replayPolicy() == null || !s.replayPolicy().pausesLiveDelivery();
    }

    private void route(LocalSubscription s) {
        FilterPolicy policy = s.filterPolicy();
        if (policy != null && isLive(s)) {
            try {
                machineFor(policy).addRule(s.arn(), policy.json());
            } catch (IOException e) {
                throw new IllegalStateException("a filter policy that passed validation did not compile", e);
            }
        }
    }

    private void unroute(LocalSubscription s) {
        FilterPolicy policy = s.filterPolicy();
        if (policy != null && isLive(s)) {
            try {
                machineFor(policy).deleteRule(s.arn(), policy.json());
            } catch (IOException e) {
                throw new IllegalStateException("a filter policy that compiled once did not compile again", e);
            }
        }
    }

    private GenericMachine<String> machineFor(FilterPolicy policy) {
        return policy.scope() == FilterPolicy.Scope.MESSAGE_BODY ? byBody : byAttributes;
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
        Set<String> once = new LinkedHashSet<>(attributeMatches); // a rule with $or must still deliver once
        once.addAll(bodyMatches);
        for (String arn : once) {
            // The shared machines may be ahead of this snapshot: count a match only for a subscription that, here,
            // exists and filters (else an older snapshot could deliver twice, once as unfiltered, once as matched).
            LocalSubscription s = byArn.get(arn);
            if (s != null && s.filterPolicy() != null && isLive(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether this one subscription's filter policy matches, paused or not (for replaying to it alone). */
    static boolean matches(LocalSubscription s, PublishedMessage m) {
        LocalSubscription live = s.replayPolicy() == null ? s : s.withoutReplayPolicy();
        return empty().with(live).matching(m).contains(live);
    }
}
