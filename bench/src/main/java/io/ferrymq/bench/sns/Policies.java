package io.ferrymq.bench.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload 5's subscriptions and messages. Policy {@code i} (of 100) filters on message attributes: its region group
 * {@code g = i % 10} ({@code "region": ["r<g>"]}, or a prefix of it) and, by its variant {@code v = i / 10}, one more
 * condition of another operator (numeric range, prefix, anything-but, exists, a value list, {@code $or}) that every
 * message of this workload meets. Messages carry four attributes, region {@code r<n % 10>}, amount, type and
 * priority, so each message matches exactly the 10 policies of its region: 10% of 100, and every delivery count is
 * known, which makes deliveries per second exact.
 */
final class Policies {
    static final int SUBSCRIPTIONS = 100;
    static final int MATCHES_PER_MESSAGE = 10;
    /** Distinct messages cycled through: enough to defeat any caching of a single event, few enough to stay hot. */
    static final int MESSAGES = 1000;

    private static final String[] TYPES = {"order-created", "order-paid", "order-shipped"};
    private static final String[] PRIORITIES = {"high", "low", "normal"};

    private Policies() {
    }

    static String policy(int i) {
        String region = "\"region\":[\"r" + (i % 10) + "\"]";
        return switch (i / 10) {
            case 0 -> "{" + region + "}";
            case 1 -> "{" + region + ",\"amount\":[{\"numeric\":[\">=\",0,\"<\",1000000]}]}";
            case 2 -> "{" + region + ",\"type\":[{\"prefix\":\"order-\"}]}";
            case 3 -> "{" + region + ",\"type\":[{\"anything-but\":[\"refund\",\"chargeback\"]}]}";
            case 4 -> "{" + region + ",\"priority\":[{\"exists\":true}]}";
            case 5 -> "{" + region + ",\"type\":[\"order-created\",\"order-paid\",\"order-shipped\"]}";
            case 6 -> "{" + region + ",\"amount\":[{\"numeric\":[\">\",-1]}],\"priority\":[\"high\",\"low\",\"normal\"]}";
            case 7 -> "{\"$or\":[{" + region + ",\"priority\":[\"high\"]},{" + region
                    + ",\"priority\":[\"low\",\"normal\"]}]}";
            case 8 -> "{\"region\":[{\"prefix\":\"r" + (i % 10) + "\"}],\"type\":[{\"exists\":true}]}";
            case 9 -> "{" + region + ",\"type\":[{\"anything-but\":{\"prefix\":\"refund\"}}]}";
            default -> throw new IllegalArgumentException("policy " + i);
        };
    }

    static List<String> policies() {
        List<String> all = new ArrayList<>(SUBSCRIPTIONS);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            all.add(policy(i));
        }
        return all;
    }

    /** Message {@code n}'s attributes, as a publisher sends them. */
    static Map<String, MessageAttributeValue> attributes(int n) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("region", MessageAttributeValue.string("r" + (n % 10)));
        a.put("amount", MessageAttributeValue.number(amount(n).toPlainString()));
        a.put("type", MessageAttributeValue.string(TYPES[n % TYPES.length]));
        a.put("priority", MessageAttributeValue.string(PRIORITIES[(n / 3) % PRIORITIES.length]));
        return a;
    }

    /**
     * Message {@code n}'s attributes as the event the engine's filter machine matches (PublishValidation's
     * attributeEvent: an object of the attribute names, String values as text, Number values as decimals).
     */
    static JsonNode event(int n) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("region", "r" + (n % 10));
        e.put("amount", amount(n));
        e.put("type", TYPES[n % TYPES.length]);
        e.put("priority", PRIORITIES[(n / 3) % PRIORITIES.length]);
        return e;
    }

    private static BigDecimal amount(int n) {
        return BigDecimal.valueOf((n * 7919L) % 100_000, 2); // 0.00 to 999.99
    }
}
