package io.ferrymq.jms.selector;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferrymq.engine.sns.FilterPolicyComplexity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link Dnf} as an SNS filter policy within SNS's limits (5 attribute names, 150 combinations counted as
 * SNS counts them, 256 KB). Conditions every alternative shares go to the top level, the alternatives under $or.
 * Over a limit it drops one attribute's conditions at a time, which only widens what the policy accepts.
 */
final class PolicyWriter {
    static final int MAX_KEYS = 5;
    static final int MAX_BYTES = 256 * 1024;
    /** Accepts no message: JMSPriority is on every message (FilterAttributes), so it never is absent. */
    static final String NEVER = "{\"JMSPriority-num\":[{\"exists\":false}]}";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private PolicyWriter() {
    }

    static PushDown write(Dnf dnf) {
        List<Map<String, Leaf>> conjunctions = dnf.conjunctions();
        boolean exact = dnf.exact();
        while (true) {
            if (conjunctions.isEmpty()) {
                return new PushDown(Optional.of(NEVER), exact);
            }
            ObjectNode policy = shape(conjunctions);
            if (policy == null) {
                return new PushDown(Optional.empty(), exact);
            }
            String json = json(policy);
            String over = overLimit(policy, json);
            if (over == null) {
                return new PushDown(Optional.of(json), exact);
            }
            String key = keyToDrop(conjunctions, over);
            conjunctions = over.equals("keys") ? without(conjunctions, key) : weakened(conjunctions, key);
            exact = false;
        }
    }

    /** The policy of these alternatives; null when it would accept every message. */
    private static ObjectNode shape(List<Map<String, Leaf>> conjunctions) {
        if (conjunctions.stream().anyMatch(Map::isEmpty)) {
            return null;
        }
        ObjectNode top = Patterns.JSON.objectNode();
        Map<String, Leaf> first = conjunctions.get(0);
        Set<String> shared = new LinkedHashSet<>();
        for (Map.Entry<String, Leaf> e : first.entrySet()) {
            if (conjunctions.stream().allMatch(c -> e.getValue().equals(c.get(e.getKey())))) {
                shared.add(e.getKey());
                top.set(e.getKey(), array(e.getValue()));
            }
        }
        List<Map<String, Leaf>> rest = new ArrayList<>();
        for (Map<String, Leaf> c : conjunctions) {
            Map<String, Leaf> r = new LinkedHashMap<>(c);
            r.keySet().removeAll(shared);
            if (r.isEmpty()) {
                return top; // shared AND (TRUE OR ...) is shared
            }
            rest.add(r);
        }
        String onlyKey = rest.get(0).size() == 1 ? rest.get(0).keySet().iterator().next() : null;
        if (onlyKey != null && rest.stream().allMatch(r -> r.size() == 1 && r.containsKey(onlyKey))) {
            Leaf union = null;
            for (Map<String, Leaf> r : rest) {
                Leaf l = r.get(onlyKey);
                union = union == null ? l : union.or(l);
                if (union == null) {
                    return top.isEmpty() ? null : top; // present OR absent: no condition on this key
                }
            }
            top.set(onlyKey, array(union));
            return top;
        }
        ArrayNode alternatives = top.putArray("$or");
        for (Map<String, Leaf> r : rest) {
            ObjectNode alternative = alternatives.addObject();
            r.forEach((k, l) -> alternative.set(k, array(l)));
        }
        return top;
    }

    private static ArrayNode array(Leaf leaf) {
        return Patterns.JSON.arrayNode().addAll(leaf.patterns);
    }

    /** Which limit the policy breaks ("keys", "combinations", "bytes"), or null. */
    private static String overLimit(ObjectNode policy, String json) {
        if (policy.size() > MAX_KEYS || names(policy).size() > MAX_KEYS) {
            return "keys";
        }
        if (FilterPolicyComplexity.combinations(policy) > FilterPolicyComplexity.MAX_COMBINATIONS) {
            return "combinations";
        }
        return json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES ? "bytes" : null;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals("$or")) {
                e.getValue().forEach(alternative -> names.addAll(names(alternative)));
            } else {
                names.add(e.getKey());
            }
        }
        return names;
    }

    /**
     * Over the key limit: the attribute in the fewest alternatives; otherwise the one with the most patterns. Ties
     * go to the one named last, so the selector's first conditions stay.
     */
    private static String keyToDrop(List<Map<String, Leaf>> conjunctions, String over) {
        Map<String, int[]> score = new LinkedHashMap<>(); // [alternatives it is in, patterns]
        for (Map<String, Leaf> c : conjunctions) {
            c.forEach((k, l) -> {
                int[] s = score.computeIfAbsent(k, x -> new int[2]);
                s[0]++;
                s[1] += l.patterns.size();
            });
        }
        String drop = null;
        int[] worst = null;
        for (Map.Entry<String, int[]> e : score.entrySet()) {
            int[] s = e.getValue();
            boolean worse = worst == null || (over.equals("keys")
                    ? s[0] < worst[0] || s[0] == worst[0] && s[1] >= worst[1]
                    : s[1] > worst[1] || s[1] == worst[1] && s[0] <= worst[0]);
            if (worse) {
                drop = e.getKey();
                worst = s;
            }
        }
        return drop;
    }

    /**
     * The attribute's conditions replaced by "present", which each implied (one combination instead of many); or,
     * where that changes nothing, dropped.
     */
    private static List<Map<String, Leaf>> weakened(List<Map<String, Leaf>> conjunctions, String key) {
        boolean changes = conjunctions.stream().map(c -> c.get(key))
                .anyMatch(l -> l != null && l.kind != Leaf.Kind.PRESENT && l.kind != Leaf.Kind.ABSENT
                        && !l.patterns.contains(Patterns.exists(false)));
        if (!changes) {
            return without(conjunctions, key);
        }
        Set<Map<String, Leaf>> out = new LinkedHashSet<>();
        for (Map<String, Leaf> c : conjunctions) {
            Map<String, Leaf> r = new LinkedHashMap<>(c);
            Leaf l = r.get(key);
            if (l != null && l.kind != Leaf.Kind.ABSENT) {
                if (l.patterns.contains(Patterns.exists(false))) {
                    r.remove(key);
                } else {
                    r.put(key, Leaf.present());
                }
            }
            out.add(r);
        }
        return new ArrayList<>(out);
    }

    private static List<Map<String, Leaf>> without(List<Map<String, Leaf>> conjunctions, String key) {
        Set<Map<String, Leaf>> out = new LinkedHashSet<>();
        for (Map<String, Leaf> c : conjunctions) {
            Map<String, Leaf> r = new LinkedHashMap<>(c);
            r.remove(key);
            out.add(r);
        }
        return new ArrayList<>(out);
    }

    private static String json(JsonNode policy) {
        try {
            return MAPPER.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
