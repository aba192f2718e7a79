package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A subscription's ReplayPolicy: re-deliver a FIFO topic's archived messages from a point in time (to another). */
record ReplayPolicy(long startingPoint, long endingPoint) {

    static ReplayPolicy parse(String json, String prefix) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node != null && node.isObject() && "Timestamp".equals(node.path("PointType").asText())
                    && node.hasNonNull("StartingPoint")) {
                long start = Instant.parse(node.get("StartingPoint").asText()).toEpochMilli();
                long end = node.hasNonNull("EndingPoint")
                        ? Instant.parse(node.get("EndingPoint").asText()).toEpochMilli() : Long.MAX_VALUE;
                if (end >= start) {
                    return new ReplayPolicy(start, end);
                }
            }
        } catch (JsonProcessingException | DateTimeParseException e) {
            // falls through
        }
        throw SnsErrors.invalidParameter(prefix + "ReplayPolicy: Invalid replay policy");
    }

    /** With an end point, SNS stops the subscription's live deliveries until a new policy without one is set. */
    boolean pausesLiveDelivery() {
        return endingPoint != Long.MAX_VALUE;
    }

    boolean covers(long publishedAt) {
        return publishedAt >= startingPoint && publishedAt <= endingPoint;
    }
}
