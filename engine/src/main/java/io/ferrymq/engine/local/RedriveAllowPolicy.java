package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A DLQ's RedriveAllowPolicy: which source queues may name it as their dead-letter queue. */
record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {
    static final String NAME = "RedriveAllowPolicy";
    static final RedriveAllowPolicy ALLOW_ALL = new RedriveAllowPolicy("allowAll", List.of());
    private static final int MAX_SOURCE_QUEUES = 10;

    static RedriveAllowPolicy parse(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !wellFormed(node)) {
            throw Errors.invalidAttributeValue(NAME,
                    "Amazon SQS can't create the redrive allow policy, as it\u2019s in an unsupported format.");
        }
        String permission = node.get("redrivePermission").asText();
        List<String> arns = new ArrayList<>();
        node.path("sourceQueueArns").forEach(n -> arns.add(n.asText()));
        String cannot = "Amazon SQS can't create the redrive allow policy. ";
        if (permission.equals("byQueue") && arns.isEmpty()) {
            throw Errors.invalidParameter(NAME, json, cannot + "When you specify the byQueue permission type, you must"
                    + " also specify one or more sourceQueueArns values.");
        }
        if (arns.size() > MAX_SOURCE_QUEUES) {
            throw Errors.invalidParameter(NAME, json, cannot + "The maximum number of source queue ARNs you can"
                    + " specify is " + MAX_SOURCE_QUEUES + ".");
        }
        if (!permission.equals("byQueue") && !arns.isEmpty()) {
            throw Errors.invalidParameter(NAME, json, cannot + "To specify one or more source queue ARNs, you must set"
                    + " redrivePermission to byQueue.");
        }
        return new RedriveAllowPolicy(permission, List.copyOf(arns));
    }

    private static boolean wellFormed(JsonNode node) {
        JsonNode permission = node.get("redrivePermission");
        if (permission == null || !permission.isTextual()
                || !List.of("allowAll", "denyAll", "byQueue").contains(permission.asText())) {
            return false;
        }
        JsonNode arns = node.get("sourceQueueArns");
        if (arns != null && (!arns.isArray() || !allText(arns))) {
            return false;
        }
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!f.equals("redrivePermission") && !f.equals("sourceQueueArns")) {
                return false;
            }
        }
        return true;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    boolean allows(String sourceArn) {
        return switch (redrivePermission) {
            case "allowAll" -> true;
            case "denyAll" -> false;
            default -> sourceQueueArns.contains(sourceArn);
        };
    }

    String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("redrivePermission", redrivePermission);
        if (!sourceQueueArns.isEmpty()) {
            ArrayNode arns = node.putArray("sourceQueueArns");
            sourceQueueArns.forEach(arns::add);
        }
        return node.toString();
    }
}
