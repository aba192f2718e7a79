package io.ferrymq.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.ferrymq.engine.sqs.QueueAttributeName.CONTENT_BASED_DEDUPLICATION;
import static io.ferrymq.engine.sqs.QueueAttributeName.DEDUPLICATION_SCOPE;
import static io.ferrymq.engine.sqs.QueueAttributeName.DELAY_SECONDS;
import static io.ferrymq.engine.sqs.QueueAttributeName.FIFO_QUEUE;
import static io.ferrymq.engine.sqs.QueueAttributeName.FIFO_THROUGHPUT_LIMIT;
import static io.ferrymq.engine.sqs.QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS;
import static io.ferrymq.engine.sqs.QueueAttributeName.KMS_MASTER_KEY_ID;
import static io.ferrymq.engine.sqs.QueueAttributeName.MAXIMUM_MESSAGE_SIZE;
import static io.ferrymq.engine.sqs.QueueAttributeName.MESSAGE_RETENTION_PERIOD;
import static io.ferrymq.engine.sqs.QueueAttributeName.POLICY;
import static io.ferrymq.engine.sqs.QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS;
import static io.ferrymq.engine.sqs.QueueAttributeName.REDRIVE_ALLOW_POLICY;
import static io.ferrymq.engine.sqs.QueueAttributeName.REDRIVE_POLICY;
import static io.ferrymq.engine.sqs.QueueAttributeName.SQS_MANAGED_SSE_ENABLED;
import static io.ferrymq.engine.sqs.QueueAttributeName.VISIBILITY_TIMEOUT;

/**
 * A queue's settable attributes: SQS's defaults, ranges and normal forms, held immutable so the hot path reads them
 * without a lock. A change makes a new instance.
 */
final class QueueSettings {
    static final int MAX_VISIBILITY_TIMEOUT = 43_200;
    static final int MAX_DELAY_SECONDS = 900;
    static final int MAX_WAIT_TIME_SECONDS = 20;
    static final int MAX_MESSAGE_SIZE = 1_048_576;

    private static final Set<String> FIFO_ONLY = Set.of(CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE,
            FIFO_THROUGHPUT_LIMIT);

    final boolean fifo;
    final int visibilityTimeout;
    final int maximumMessageSize;
    final int messageRetentionPeriod;
    final int delaySeconds;
    final int receiveMessageWaitTimeSeconds;
    final RedrivePolicy redrivePolicy;
    final RedriveAllowPolicy redriveAllowPolicy;
    final boolean contentBasedDeduplication;
    final boolean deduplicationPerGroup;
    private final Map<String, String> values;

    private QueueSettings(boolean fifo, Map<String, String> values) {
        this.fifo = fifo;
        this.values = Collections.unmodifiableMap(values);
        this.visibilityTimeout = Integer.parseInt(values.get(VISIBILITY_TIMEOUT));
        this.maximumMessageSize = Integer.parseInt(values.get(MAXIMUM_MESSAGE_SIZE));
        this.messageRetentionPeriod = Integer.parseInt(values.get(MESSAGE_RETENTION_PERIOD));
        this.delaySeconds = Integer.parseInt(values.get(DELAY_SECONDS));
        this.receiveMessageWaitTimeSeconds = Integer.parseInt(values.get(RECEIVE_MESSAGE_WAIT_TIME_SECONDS));
        this.redrivePolicy = values.containsKey(REDRIVE_POLICY) ? RedrivePolicy.parse(values.get(REDRIVE_POLICY)) : null;
        this.redriveAllowPolicy = values.containsKey(REDRIVE_ALLOW_POLICY)
                ? RedriveAllowPolicy.parse(values.get(REDRIVE_ALLOW_POLICY)) : RedriveAllowPolicy.ALLOW_ALL;
        this.contentBasedDeduplication = "true".equals(values.get(CONTENT_BASED_DEDUPLICATION));
        this.deduplicationPerGroup = "messageGroup".equals(values.get(DEDUPLICATION_SCOPE));
    }

    static QueueSettings defaults(boolean fifo) {
        Map<String, String> v = new TreeMap<>();
        v.put(VISIBILITY_TIMEOUT, "30");
        v.put(MAXIMUM_MESSAGE_SIZE, Integer.toString(MAX_MESSAGE_SIZE));
        v.put(MESSAGE_RETENTION_PERIOD, "345600");
        v.put(DELAY_SECONDS, "0");
        v.put(RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0");
        v.put(SQS_MANAGED_SSE_ENABLED, "true");
        if (fifo) {
            v.put(FIFO_QUEUE, "true");
            v.put(CONTENT_BASED_DEDUPLICATION, "false");
            v.put(DEDUPLICATION_SCOPE, "queue");
            v.put(FIFO_THROUGHPUT_LIMIT, "perQueue");
        }
        return new QueueSettings(fifo, v);
    }

    /** The settable attributes with their current values, defaults included. */
    Map<String, String> values() {
        return values;
    }

    /** Checks the given attributes and returns them in the normal form they are stored and compared in. */
    static Map<String, String> normalize(Map<String, String> attributes, boolean fifo, boolean creating) {
        Map<String, String> out = new TreeMap<>();
        if (!attributes.getOrDefault(KMS_MASTER_KEY_ID, "").isEmpty()
                && "true".equalsIgnoreCase(attributes.get(SQS_MANAGED_SSE_ENABLED))) {
            throw new EngineException(ErrorCode.INVALID_ATTRIBUTE_NAME, "You can use one type of server-side"
                    + " encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.");
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (FIFO_ONLY.contains(name) && !fifo) {
                throw name.equals(CONTENT_BASED_DEDUPLICATION) ? Errors.unknownAttribute(name)
                        : new EngineException(ErrorCode.INVALID_ATTRIBUTE_NAME,
                                "You can specify the " + name + " only when FifoQueue is set to true.");
            }
            if (name.equals(FIFO_QUEUE) && (!fifo || !creating)) {
                throw fifo ? Errors.invalidAttributeValue(name, "Modifying queue type is not supported.")
                        : Errors.unknownAttribute(name);
            }
            out.put(name, normalizeOne(name, value, fifo, creating));
        }
        return out;
    }

    private static String normalizeOne(String name, String value, boolean fifo, boolean creating) {
        return switch (name) {
            case VISIBILITY_TIMEOUT -> integer(name, value, 0, MAX_VISIBILITY_TIMEOUT);
            case MAXIMUM_MESSAGE_SIZE -> integer(name, value, 1024, MAX_MESSAGE_SIZE);
            case MESSAGE_RETENTION_PERIOD -> integer(name, value, 60, 1_209_600);
            case DELAY_SECONDS -> integer(name, value, 0, MAX_DELAY_SECONDS);
            case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> integer(name, value, 0, MAX_WAIT_TIME_SECONDS);
            case KMS_DATA_KEY_REUSE_PERIOD_SECONDS -> integer(name, value, 60, 86_400);
            case SQS_MANAGED_SSE_ENABLED, CONTENT_BASED_DEDUPLICATION -> bool(name, value);
            case FIFO_QUEUE -> {
                if (!bool(name, value).equals("true")) {
                    throw Errors.unknownAttribute(name);
                }
                yield "true";
            }
            case DEDUPLICATION_SCOPE -> oneOf(name, value, "messageGroup", "queue");
            case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, "perQueue", "perMessageGroupId");
            case REDRIVE_POLICY -> value.isEmpty() ? "" : RedrivePolicy.parse(value).toJson();
            case REDRIVE_ALLOW_POLICY -> value.isEmpty() ? "" : RedriveAllowPolicy.parse(value).toJson();
            case POLICY -> policy(value);
            case KMS_MASTER_KEY_ID -> value;
            default -> throw Errors.unknownAttribute(name);
        };
    }

    /** These settings with normalized changes applied; an empty value removes an optional attribute. */
    QueueSettings with(Map<String, String> normalized) {
        Map<String, String> v = new TreeMap<>(values);
        normalized.forEach((name, value) -> {
            if (name.equals(FIFO_QUEUE)) {
                return;
            }
            if (value.isEmpty()) {
                v.remove(name);
            } else {
                v.put(name, value);
            }
        });
        if ("perMessageGroupId".equals(v.get(FIFO_THROUGHPUT_LIMIT)) && !"messageGroup".equals(v.get(DEDUPLICATION_SCOPE))) {
            throw Errors.invalidAttributeValue(FIFO_THROUGHPUT_LIMIT, "The perMessageGroupId value is allowed only"
                    + " when the value for DeduplicationScope is messageGroup.");
        }
        if (v.containsKey(KMS_MASTER_KEY_ID) && !v.containsKey(KMS_DATA_KEY_REUSE_PERIOD_SECONDS)) {
            v.put(KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "300");
        }
        if (v.containsKey(KMS_MASTER_KEY_ID)) {
            v.put(SQS_MANAGED_SSE_ENABLED, "false");
        }
        return new QueueSettings(fifo, v);
    }

    /** True when every given (normalized) attribute has the same value here: CreateQueue's idempotency rule. */
    String firstDifference(Map<String, String> normalized) {
        for (Map.Entry<String, String> e : normalized.entrySet()) {
            if (e.getKey().equals(FIFO_QUEUE)) {
                continue;
            }
            if (!e.getValue().equals(values.getOrDefault(e.getKey(), ""))) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value); // no trimming: SQS refuses " 6" like any other non-integer
            if (n >= min && n <= max) {
                return Integer.toString(n);
            }
        } catch (NumberFormatException e) {
            // falls through to the service's error
        }
        throw Errors.invalidAttributeValue(name);
    }

    private static String bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase();
        }
        throw Errors.invalidAttributeValue(name);
    }

    private static String oneOf(String name, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw Errors.invalidAttributeValue(name);
    }

    private static String policy(String value) {
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
        throw Errors.invalidAttributeValue(POLICY);
    }
}
