package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.sns.FilterPolicyComplexity;
import io.ferrymq.engine.EngineException;
import software.amazon.event.ruler.JsonRuleCompiler;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * An SNS subscription filter policy. Event Ruler, the matcher SNS itself runs, checks and matches the pattern
 * language, and its error texts are SNS's word for word. This class adds what SNS does on top: its limits (5 top-level
 * keys, 150 combinations, 256 KB, numbers within +/-1e9 with at most 5 decimals), no nesting in the MessageAttributes
 * scope, and the operators SNS leaves out (wildcard; anything-but with anything but prefix).
 */
record FilterPolicy(String json, Scope scope) {
    static final int MAX_KEYS = 5;
    static final int MAX_BYTES = 256 * 1024;
    private static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(1_000_000_000L);
    /** Patterns Event Ruler accepts inside anything-but and SNS refuses (Ruler itself words the others). */
    private static final Set<String> ANYTHING_BUT_REFUSED = Set.of("suffix", "equals-ignore-case", "wildcard");

    enum Scope {
        MESSAGE_ATTRIBUTES("MessageAttributes"), MESSAGE_BODY("MessageBody");

        final String attributeValue;

        Scope(String attributeValue) {
            this.attributeValue = attributeValue;
        }

        /** The scope an attribute value names; {@code prefix} is the caller's error prefix. */
        static Scope of(String value, String prefix) {
            for (Scope s : values()) {
                if (s.attributeValue.equals(value)) {
                    return s;
                }
            }
            throw SnsErrors.invalidParameter(prefix + "FilterPolicyScope: Invalid value [" + value
                    + "]. Please use either MessageBody or MessageAttributes");
        }
    }

    /**
     * Checks a policy as SNS does. {@code prefix} is what SNS puts before the reason: "Attributes Reason: " at
     * Subscribe, nothing at SetSubscriptionAttributes.
     */
    static FilterPolicy parse(String json, Scope scope, String prefix) {
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused(prefix, "Filter policy is too big");
        }
        JsonNode root;
        String compact; // SNS validates the policy re-serialized without spaces; error locations refer to it
        try {
            root = Json.MAPPER.readTree(json);
            compact = Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr() + 1;
            throw refused(prefix, "failed to parse JSON. " + e.getOriginalMessage() + location(json, column));
        }
        if (root != null && root.isObject()) {
            if (root.size() > MAX_KEYS) {
                throw refused(prefix, "Filter policy can not have more than " + MAX_KEYS + " keys");
            }
            checkShape(root, prefix, compact);
        }
        String rulerSays = JsonRuleCompiler.check(compact);
        if (rulerSays != null) {
            throw refused(prefix, rulerSays);
        }
        // after Event Ruler's check: SNS words {"key":{"suffix":"value"}} as Ruler does, in either scope
        if (scope == Scope.MESSAGE_ATTRIBUTES && nested(root)) {
            throw SnsErrors.invalidParameter(prefix
                    + "Filter policy scope MessageAttributes does not support nested filter policy");
        }
        if (FilterPolicyComplexity.combinations(root) > FilterPolicyComplexity.MAX_COMBINATIONS) {
            throw refused(prefix, "Filter policy is too complex");
        }
        return new FilterPolicy(json, scope);
    }

    private static EngineException refused(String prefix, String reason) {
        return SnsErrors.invalidParameter(prefix + "FilterPolicy: " + reason);
    }

    private static String location(String compact, int column) {
        return "\n at [Source: (String)\"" + compact + "\"; line: 1, column: " + column + "]";
    }

    /** Whether some key (outside $or) holds an object: a nested policy, which only the MessageBody scope takes. */
    private static boolean nested(JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or") && value.isArray()) {
                for (JsonNode alternative : value) {
                    if (nested(alternative)) {
                        return true;
                    }
                }
            } else if (value.isObject()) {
                return true;
            }
        }
        return false;
    }

    /** What Event Ruler accepts but SNS does not: operators, number range. */
    private static void checkShape(JsonNode node, String prefix, String compact) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or") && value.isArray()) {
                for (JsonNode alternative : value) {
                    if (alternative.isObject()) {
                        checkShape(alternative, prefix, compact);
                    }
                }
            } else if (value.isObject()) {
                checkShape(value, prefix, compact);
            } else if (value.isArray()) {
                for (JsonNode condition : value) {
                    checkCondition(condition, prefix, compact);
                }
            }
        }
    }

    private static void checkCondition(JsonNode condition, String prefix, String compact) {
        if (condition.isNumber()) {
            checkNumber(condition, prefix);
        }
        if (!condition.isObject() || condition.size() != 1) {
            return; // Event Ruler words the other mistakes
        }
        Map.Entry<String, JsonNode> op = condition.fields().next();
        JsonNode operand = op.getValue();
        if (op.getKey().equals("wildcard")) { // Event Ruler has it, SNS does not
            String token = "\"wildcard\":";
            throw refused(prefix, "Unrecognized match type wildcard"
                    + location(compact, compact.indexOf(token) + token.length() + operand.toString().length() + 1));
        }
        switch (op.getKey()) {
            case "anything-but" -> {
                if (operand.isObject() && operand.size() == 1) {
                    String pattern = operand.fieldNames().next();
                    String token = "\"" + pattern + "\":";
                    int column = compact.indexOf(token) + token.length() + 2;
                    if (ANYTHING_BUT_REFUSED.contains(pattern)) {
                        throw refused(prefix, "Unsupported anything-but pattern: " + pattern
                                + location(compact, column));
                    }
                    if (pattern.equals("prefix") && !operand.get(pattern).isTextual()) {
                        int after = compact.indexOf(token) + token.length() + operand.get(pattern).toString().length()
                                + 1;
                        throw refused(prefix, "prefix match pattern must be a string" + location(compact, after));
                    }
                }
                (operand.isArray() ? operand : Json.MAPPER.createArrayNode().add(operand))
                        .forEach(n -> checkNumber(n, prefix));
            }
            case "numeric" -> operand.forEach(n -> checkNumber(n, prefix));
            default -> {
            }
        }
    }


    private static void checkNumber(JsonNode n, String prefix) {
        if (!n.isNumber()) {
            return;
        }
        BigDecimal value = n.decimalValue();
        if (value.abs().compareTo(MAX_NUMBER) > 0 || Math.max(0, value.stripTrailingZeros().scale()) > 5) {
            throw refused(prefix, "Numbers must be between -1.0E9 and 1.0E9 with at most 5 digits after the"
                    + " decimal point: " + n.asText());
        }
    }
}
