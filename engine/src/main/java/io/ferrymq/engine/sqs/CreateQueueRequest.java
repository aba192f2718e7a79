package io.ferrymq.engine.sqs;

import java.util.Map;

/** CreateQueue: a name, queue attributes (all as strings, as SQS takes them) and tags. */
public record CreateQueueRequest(String queueName, Map<String, String> attributes, Map<String, String> tags) {
    public CreateQueueRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static CreateQueueRequest of(String queueName) {
        return new CreateQueueRequest(queueName, Map.of(), Map.of());
    }

    public static CreateQueueRequest of(String queueName, Map<String, String> attributes) {
        return new CreateQueueRequest(queueName, attributes, Map.of());
    }
}
