package io.ferrymq.engine.sns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * SNS's combination count of a filter policy, the measure its 150-combination limit applies to: each value list
 * multiplies the count by its length and by its nesting depth, and the alternatives of $or add up (as the SNS
 * documentation's example computes 3 x 4 x 2 x 3 = 72). The engine checks policies with it; an adapter that writes
 * policies uses it to stay within the limit.
 */
public final class FilterPolicyComplexity {
    public static final int MAX_COMBINATIONS = 150;

    private FilterPolicyComplexity() {
    }

    public static long combinations(JsonNode policy) {
        return combinations(policy, 1, 1);
    }

    private static long combinations(JsonNode node, int depth, long combinations) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                combinations = combinations(value, depth + 1, combinations);
            } else if (value.isArray() && field.getKey().equals("$or")) {
                long sum = 0;
                for (JsonNode alternative : value) {
                    sum += alternative.isObject() ? combinations(alternative, depth, combinations) : 0;
                }
                combinations = sum;
            } else if (value.isArray()) {
                combinations = combinations * Math.max(1, value.size()) * depth;
            }
        }
        return combinations;
    }
}
