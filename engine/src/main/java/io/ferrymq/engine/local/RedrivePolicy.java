package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A queue's RedrivePolicy: where a message goes once a receive would push it past maxReceiveCount. */
record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    static final String NAME = "RedrivePolicy";

    /** Parses the attribute text; the DLQ's existence and type are checked by the engine, which knows the queues. */
    static RedrivePolicy parse(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw Errors.invalidAttributeValue(NAME, "Redrive policy is not a valid JSON map.");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!field.equals("deadLetterTargetArn") && !field.equals("maxReceiveCount")) {
                throw Errors.invalidParameter(NAME, json,
                        "Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].");
            }
        });
        JsonNode arn = node.get("deadLetterTargetArn");
        JsonNode count = node.get("maxReceiveCount");
        if (count == null) { // SQS names a missing maxReceiveCount first, e.g. for {}
            throw Errors.invalidParameter(NAME, json, "Redrive policy does not contain mandatory attribute: "
                    + "maxReceiveCount.");
        }
        if (arn == null || !arn.isTextual()) {
            throw Errors.invalidParameter(NAME, json, "Redrive policy does not contain mandatory attribute: "
                    + "deadLetterTargetArn.");
        }
        if (!ResourceNames.looksLikeArn(arn.asText())) {
            throw Errors.invalidParameter(NAME, json, "Invalid value for deadLetterTargetArn.");
        }
        if (!ResourceNames.looksLikeQueueArn(arn.asText())) {
            throw Errors.invalidParameter(NAME, json, "Only SQS queues are valid resources for deadLetterTargetArn.");
        }
        int max;
        try {
            max = count.isNumber() ? count.intValue() : Integer.parseInt(count.asText().trim());
            if (count.isNumber() && !count.canConvertToInt()) {
                max = -1;
            }
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 1000) {
            throw Errors.invalidParameter(NAME, json, "Invalid value for maxReceiveCount: " + count.asText()
                    + ", valid values are from 1 to 1000 both inclusive.");
        }
        return new RedrivePolicy(arn.asText(), max);
    }

    /** The attribute text as GetQueueAttributes returns it. */
    String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("deadLetterTargetArn", deadLetterTargetArn);
        node.put("maxReceiveCount", maxReceiveCount);
        return node.toString();
    }
}
