package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.HashMap;
import java.util.Map;

import static io.ferrymq.engine.sqs.MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.AWS_TRACE_HEADER;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.MESSAGE_GROUP_ID;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.SENDER_ID;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.SENT_TIMESTAMP;
import static io.ferrymq.engine.sqs.MessageSystemAttributeName.SEQUENCE_NUMBER;

/**
 * A stored message as a receive returns it (the attributes it asked for, their MD5, its receipt handle), and as a
 * selective receive's filter or a browse sees it.
 */
final class MessageViews {
    private MessageViews() {
    }

    /** Called under the queue's lock, right after the lease, so the receive count and handle are this receive's. */
    static Message of(StoredMessage m, ReceiveOptions o, long queueIncarnation) {
        return view(m, o, ReceiptHandles.encode(queueIncarnation, m.id, m.receiveSerial), m.receiveCount,
                m.firstReceiveAt);
    }

    /** What a selective receive's filter sees: the message as this receive would deliver it, without a handle. */
    static Message candidate(StoredMessage m, ReceiveOptions o, long now) {
        return view(m, o, null, m.receiveCount + 1, m.firstReceiveAt == 0 ? now : m.firstReceiveAt);
    }

    /** A browsed message: as it is, without a handle; a message never received has no first-receive time. */
    static Message browsed(StoredMessage m, ReceiveOptions o) {
        return view(m, o, null, m.receiveCount, m.firstReceiveAt);
    }

    private static Message view(StoredMessage m, ReceiveOptions o, String receiptHandle, int receiveCount,
                                long firstReceiveAt) {
        Map<String, String> system = new HashMap<>();
        putIfWanted(system, o, SENDER_ID, m.senderId);
        putIfWanted(system, o, SENT_TIMESTAMP, Long.toString(m.sentAt));
        putIfWanted(system, o, APPROXIMATE_RECEIVE_COUNT, Integer.toString(receiveCount));
        if (firstReceiveAt != 0) {
            putIfWanted(system, o, APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, Long.toString(firstReceiveAt));
        }
        putIfWanted(system, o, MESSAGE_GROUP_ID, m.groupId);
        putIfWanted(system, o, SEQUENCE_NUMBER, m.sequenceNumber);
        putIfWanted(system, o, MESSAGE_DEDUPLICATION_ID, m.deduplicationId);
        putIfWanted(system, o, AWS_TRACE_HEADER, m.traceHeader);
        putIfWanted(system, o, DEAD_LETTER_QUEUE_SOURCE_ARN, m.deadLetterSourceArn);
        Map<String, MessageAttributeValue> selected = o.selectAttributes(m.attributes);
        // The MD5 covers what is returned; when that is everything, the digest computed at send time serves.
        String md5 = selected.isEmpty() ? null
                : selected.size() == m.attributes.size() ? m.md5OfAttributes : Md5Digests.ofAttributes(selected);
        return new Message(m.id, receiptHandle, m.md5OfBody, m.body, system, md5, selected);
    }

    private static void putIfWanted(Map<String, String> out, ReceiveOptions o, String name, String value) {
        if (value != null && o.wantsSystemAttribute(name)) {
            out.put(name, value);
        }
    }
}
