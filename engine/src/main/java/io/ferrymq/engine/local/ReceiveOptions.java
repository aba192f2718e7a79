package io.ferrymq.engine.local;

import io.ferrymq.engine.MessageFilter;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated receive: how many, for how long, which attributes to return, and which messages it may take
 * ({@code filter} null: any).
 */
record ReceiveOptions(int maxMessages, int visibilityTimeout, int waitTimeSeconds, List<String> attributeNames,
                      List<String> systemAttributeNames, String attemptId, MessageFilter filter) {

    boolean wantsSystemAttribute(String name) {
        return systemAttributeNames.contains(MessageSystemAttributeName.ALL) || systemAttributeNames.contains(name);
    }

    /** The message attributes selected by name: All, .*, exact names, and prefixes such as foo.* */
    Map<String, MessageAttributeValue> selectAttributes(Map<String, MessageAttributeValue> all) {
        if (all.isEmpty() || attributeNames.isEmpty()) {
            return Map.of();
        }
        if (attributeNames.contains("All") || attributeNames.contains(".*")) {
            return all;
        }
        Map<String, MessageAttributeValue> out = new TreeMap<>();
        for (Map.Entry<String, MessageAttributeValue> e : all.entrySet()) {
            for (String pattern : attributeNames) {
                if (pattern.endsWith(".*") ? e.getKey().startsWith(pattern.substring(0, pattern.length() - 1))
                        : e.getKey().equals(pattern)) {
                    out.put(e.getKey(), e.getValue());
                    break;
                }
            }
        }
        return out;
    }
}
