package io.ferrymq.engine.sns;

import java.util.Map;

/** CreateTopic: a name (FIFO topics end in .fifo and set FifoTopic=true), topic attributes and tags. */
public record CreateTopicRequest(String name, Map<String, String> attributes, Map<String, String> tags) {
    public CreateTopicRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static CreateTopicRequest of(String name) {
        return new CreateTopicRequest(name, Map.of(), Map.of());
    }

    public static CreateTopicRequest of(String name, Map<String, String> attributes) {
        return new CreateTopicRequest(name, attributes, Map.of());
    }
}
