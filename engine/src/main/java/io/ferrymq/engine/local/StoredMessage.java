package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.Map;

/**
 * One message in a queue, with all its per-message state. Mutable; every field after the content is guarded by the
 * owning queue's lock.
 */
final class StoredMessage {
    /** PENDING: stored but not yet durable, so no receiver may see it. */
    enum State { PENDING, DELAYED, VISIBLE, IN_FLIGHT, DELETED }

    final String id;
    final String body;
    final Map<String, MessageAttributeValue> attributes; // sorted by name (for the MD5)
    final String traceHeader;
    final String md5OfBody;
    final String md5OfAttributes;
    final String md5OfSystemAttributes;
    final long sentAt;
    final String groupId;
    final String deduplicationId;
    final String sequenceNumber;
    final String deadLetterSourceArn;
    final String senderId;

    State state;
    /** The storage record holding this message; 0 in memory. */
    long recordId;
    int receiveCount;
    long firstReceiveAt;
    long visibleAt;
    long leaseStartedAt;
    /** Serial of the latest receive; a receipt handle is current only when it carries this serial. */
    long receiveSerial;
    /** Bumped on each state change so stale timer entries can be recognised. */
    int version;
    /** This message's place in its queue's arrival order, and its neighbours there (see {@link Arrivals}). */
    long arrival;
    StoredMessage older;
    StoredMessage newer;
    /** When it last became a delivery candidate, on its queue's offer clock (see LocalQueue#offers). */
    long offeredAt;

    StoredMessage(String id, String body, Map<String, MessageAttributeValue> attributes, String traceHeader,
                  String md5OfBody, String md5OfAttributes, String md5OfSystemAttributes, long sentAt,
                  String groupId, String deduplicationId, String sequenceNumber, String deadLetterSourceArn,
                  String senderId) {
        this.id = id;
        this.body = body;
        this.attributes = attributes;
        this.traceHeader = traceHeader;
        this.md5OfBody = md5OfBody;
        this.md5OfAttributes = md5OfAttributes;
        this.md5OfSystemAttributes = md5OfSystemAttributes;
        this.sentAt = sentAt;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
        this.deadLetterSourceArn = deadLetterSourceArn;
        this.senderId = senderId;
    }

    /**
     * This message as it enters a dead-letter queue: same id, body, attributes and receive count (JMSXDeliveryCount
     * keeps counting), marked with its source. A FIFO DLQ restarts the enqueue time and takes the message id as
     * deduplication id, as SQS does.
     */
    StoredMessage deadLettered(String sourceArn, boolean fifoTarget, long now, String newSequenceNumber) {
        StoredMessage m = new StoredMessage(id, body, attributes, traceHeader, md5OfBody, md5OfAttributes,
                md5OfSystemAttributes, fifoTarget ? now : sentAt, groupId, fifoTarget ? id : deduplicationId,
                newSequenceNumber, sourceArn, senderId);
        m.receiveCount = receiveCount;
        m.firstReceiveAt = firstReceiveAt;
        return m;
    }
}
