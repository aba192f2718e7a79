package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/** A send that passed validation: the content with its digests, ready to be stored. */
record PreparedSend(String body, Map<String, MessageAttributeValue> attributes, String traceHeader,
                    String md5OfBody, String md5OfAttributes, String md5OfSystemAttributes, int delaySeconds,
                    String groupId, String deduplicationId) {
}
