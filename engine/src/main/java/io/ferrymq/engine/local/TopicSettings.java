package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.ferrymq.engine.sns.TopicAttributeName.ARCHIVE_POLICY;
import static io.ferrymq.engine.sns.TopicAttributeName.CONTENT_BASED_DEDUPLICATION;
import static io.ferrymq.engine.sns.TopicAttributeName.DELIVERY_POLICY;
import static io.ferrymq.engine.sns.TopicAttributeName.DISPLAY_NAME;
import static io.ferrymq.engine.sns.TopicAttributeName.FIFO_THROUGHPUT_SCOPE;
import static io.ferrymq.engine.sns.TopicAttributeName.FIFO_TOPIC;
import static io.ferrymq.engine.sns.TopicAttributeName.KMS_MASTER_KEY_ID;
import static io.ferrymq.engine.sns.TopicAttributeName.POLICY;
import static io.ferrymq.engine.sns.TopicAttributeName.SIGNATURE_VERSION;
import static io.ferrymq.engine.sns.TopicAttributeName.TRACING_CONFIG;

/** A topic's settable attributes with SNS's defaults and rules; immutable, a change makes a new instance. */
final class TopicSettings {
    private static final Set<String> FIFO_ONLY = Set.of(CONTENT_BASED_DEDUPLICATION, ARCHIVE_POLICY,
            FIFO_THROUGHPUT_SCOPE);
    private static final Set<String> SETTABLE = Set.of(DISPLAY_NAME, POLICY, DELIVERY_POLICY, KMS_MASTER_KEY_ID,
            SIGNATURE_VERSION, TRACING_CONFIG, CONTENT_BASED_DEDUPLICATION, ARCHIVE_POLICY, FIFO_THROUGHPUT_SCOPE);

    final boolean fifo;
    final boolean contentBasedDeduplication;
    /** Archive retention in days; 0 when the topic keeps no archive. */
    final int archiveDays;
    final String signatureVersion;
    private final Map<String, String> values;

    private TopicSettings(boolean fifo, Map<String, String> values) {
        this.fifo = fifo;
        this.values = Collections.unmodifiableMap(values);
        this.contentBasedDeduplication = "true".equals(values.get(CONTENT_BASED_DEDUPLICATION));
        this.archiveDays = values.containsKey(ARCHIVE_POLICY) ? archiveDays(values.get(ARCHIVE_POLICY), "") : 0;
        this.signatureVersion = values.getOrDefault(SIGNATURE_VERSION, "1");
    }

    static TopicSettings defaults(boolean fifo) {
        Map<String, String> v = new TreeMap<>();
        v.put(DISPLAY_NAME, "");
        if (fifo) {
            v.put(FIFO_TOPIC, "true");
            v.put(CONTENT_BASED_DEDUPLICATION, "false");
        }
        return new TopicSettings(fifo, v);
    }

    Map<String, String> values() {
        return values;
    }

    /** These settings with one attribute changed; {@code creating} allows FifoTopic. */
    TopicSettings with(String name, String value, boolean creating) {
        String v = value == null ? "" : value;
        if (name.equals(FIFO_TOPIC) && creating) {
            return this; // decided from the name and FifoTopic before the topic exists
        }
        if (!SETTABLE.contains(name) || (FIFO_ONLY.contains(name) && !fifo)) {
            throw SnsErrors.invalidParameter(creating ? "Attributes Reason: Unknown attribute " + name
                    : "AttributeName");
        }
        // SNS words a refused attribute with "Attributes Reason: " at CreateTopic and without it at SetTopicAttributes.
        String prefix = creating ? "Attributes Reason: " : "";
        Map<String, String> next = new TreeMap<>(values);
        switch (name) {
            case CONTENT_BASED_DEDUPLICATION -> next.put(name, bool(prefix, name, v));
            case SIGNATURE_VERSION -> next.put(name, oneOf(prefix, name, v, "1", "2"));
            case TRACING_CONFIG -> next.put(name, oneOf(prefix, name, v, "PassThrough", "Active"));
            case FIFO_THROUGHPUT_SCOPE -> next.put(name, oneOf(prefix, name, v, "Topic", "MessageGroup"));
            case POLICY, DELIVERY_POLICY -> putOrClear(next, name, jsonObject(prefix, name, v));
            case ARCHIVE_POLICY -> {
                if (v.isEmpty() || v.equals("{}")) {
                    next.remove(name);
                } else {
                    archiveDays(v, prefix);
                    next.put(name, v);
                }
            }
            default -> putOrClear(next, name, v);
        }
        if (name.equals(DISPLAY_NAME)) {
            next.put(DISPLAY_NAME, v);
        }
        return new TopicSettings(fifo, next);
    }

    private static void putOrClear(Map<String, String> values, String name, String value) {
        if (value.isEmpty()) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    /** ArchivePolicy {"MessageRetentionPeriod": "N"}: N days, 1 to 365. */
    static int archiveDays(String json, String prefix) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            JsonNode days = node == null ? null : node.get("MessageRetentionPeriod");
            if (days != null && node.size() == 1) {
                int n = Integer.parseInt(days.asText());
                if (n >= 1 && n <= 365) {
                    return n;
                }
            }
        } catch (JsonProcessingException | NumberFormatException e) {
            // falls through
        }
        throw SnsErrors.invalidParameter(prefix + "ArchivePolicy: MessageRetentionPeriod must be a number"
                + " of days from 1 to 365");
    }

    private static String bool(String prefix, String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase();
        }
        throw SnsErrors.invalidParameter(prefix + name + ": Invalid value [" + value
                + "]. Must be true or false.");
    }

    private static String oneOf(String prefix, String name, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw SnsErrors.invalidParameter(prefix + name + ": Invalid value [" + value + "]");
    }

    private static String jsonObject(String prefix, String name, String value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            if (node != null && node.isObject()) {
                return value;
            }
        } catch (JsonProcessingException e) {
            // falls through
        }
        throw SnsErrors.invalidParameter(prefix + name + ": Invalid JSON");
    }
}
