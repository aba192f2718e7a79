package io.ferrymq.jms;

import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;

import java.util.Map;

/**
 * A message ready for the engine: its queue URL or topic ARN, its SQS/SNS form, and the FIFO ids. Built when the
 * application calls send, so later changes to the JMS message object do not change what is sent.
 */
record Outgoing(boolean topic, String address, String body, Map<String, MessageAttributeValue> attributes,
                Integer delaySeconds, String groupId, String deduplicationId) {

    /** Bytes counted against the SQS/SNS size limits: body and attributes. */
    long sizeInBytes() {
        long n = MessageAttributeValue.utf8Length(body);
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            n += a.getValue().sizeInBytes(a.getKey());
        }
        return n;
    }

    SendMessageRequest toSend() {
        return new SendMessageRequest(address, body, delaySeconds, attributes, Map.of(), deduplicationId, groupId);
    }

    SendMessageBatchRequestEntry toSendEntry(String id) {
        return new SendMessageBatchRequestEntry(id, body, delaySeconds, attributes, Map.of(), deduplicationId,
                groupId);
    }

    PublishRequest toPublish() {
        return new PublishRequest(address, body, null, null, attributes, groupId, deduplicationId);
    }

    PublishBatchRequestEntry toPublishEntry(String id) {
        return new PublishBatchRequestEntry(id, body, null, null, attributes, groupId, deduplicationId);
    }
}
