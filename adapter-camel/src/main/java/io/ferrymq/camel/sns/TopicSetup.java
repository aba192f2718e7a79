package io.ferrymq.camel.sns;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.camel.MessageDeduplicationIdStrategy;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.ListTopicsResult;
import io.ferrymq.engine.sns.TopicAttributeName;

import java.util.LinkedHashMap;
import java.util.Map;

/** Finds an endpoint's topic by name or ARN when it starts, creating it with autoCreateTopic. */
final class TopicSetup {
    private TopicSetup() {
    }

    static String topicArn(Engine engine, String topicNameOrArn, FerrySnsConfiguration c) {
        if (topicNameOrArn.startsWith("arn:")) {
            try {
                EngineCalls.await(engine.getTopicAttributes(topicNameOrArn));
            } catch (EngineException e) {
                throw new IllegalStateException("The topic " + topicNameOrArn + " cannot be used (" + e + ")", e);
            }
            return topicNameOrArn;
        }
        String found = find(engine, topicNameOrArn);
        if (found != null) {
            return found;
        }
        if (!c.isAutoCreateTopic()) {
            throw new IllegalStateException("The topic '" + topicNameOrArn + "' does not exist; create it first or"
                    + " set autoCreateTopic=true");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (topicNameOrArn.endsWith(".fifo")) {
            attributes.put(TopicAttributeName.FIFO_TOPIC, "true");
            attributes.put(TopicAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(
                    c.getMessageDeduplicationIdStrategy()
                            == MessageDeduplicationIdStrategy.useContentBasedDeduplication));
        }
        try {
            return EngineCalls.await(engine.createTopic(CreateTopicRequest.of(topicNameOrArn, attributes)));
        } catch (EngineException e) {
            throw new IllegalArgumentException("The topic '" + topicNameOrArn + "' could not be created (" + e + ")",
                    e);
        }
    }

    /** The ARN of the topic of this name, looked up page by page (SNS has no GetTopicArn). */
    private static String find(Engine engine, String name) {
        String token = null;
        do {
            ListTopicsResult page = EngineCalls.await(engine.listTopics(token));
            for (String arn : page.topicArns()) {
                if (arn.endsWith(":" + name)) {
                    return arn;
                }
            }
            token = page.nextToken();
        } while (token != null);
        return null;
    }
}
