package io.ferrymq.camel.sns;

import io.ferrymq.engine.Engine;

/** What a started ferry-sns endpoint publishes to: the engine and the topic's ARN. */
public record TopicTarget(Engine engine, String topicArn, boolean fifo) {
}
