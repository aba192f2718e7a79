package io.ferrymq.engine.local;

import org.apache.activemq.artemis.core.journal.RecordInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's live records read once at start, decoded and grouped by kind (messages with their latest lease
 * applied, deduplication windows and archives by owner), for the queues and topics to rebuild themselves from.
 */
final class RecoveredState {
    /** A decoded record and the id of the journal record it came from. */
    record Stored<T>(long recordId, T value) {
    }

    final Map<Long, Records.QueueRecord> queues = new LinkedHashMap<>();
    final Map<Long, Records.TopicRecord> topics = new LinkedHashMap<>();
    final Map<Long, Records.SubscriptionRecord> subscriptions = new LinkedHashMap<>();
    final Map<Long, List<Stored<Records.DeduplicationRecord>>> windows = new HashMap<>();
    final Map<Long, List<Stored<Records.ArchivedRecord>>> archives = new HashMap<>();
    final List<Stored<Records.MoveTaskRecord>> moveTasks = new ArrayList<>();
    private final Map<Long, Records.MessageRecord> messages = new HashMap<>();

    /** Reads records in journal order: adds, then the updates of each (a lease is a later state of a message). */
    static RecoveredState read(List<RecordInfo> records) {
        RecoveredState s = new RecoveredState();
        for (RecordInfo r : records) {
            switch (r.userRecordType) {
                case Records.QUEUE -> s.queues.put(r.id, Records.queue(r.data));
                case Records.TOPIC -> s.topics.put(r.id, Records.topic(r.data));
                case Records.SUBSCRIPTION -> s.subscriptions.put(r.id, Records.subscription(r.data));
                case Records.MESSAGE -> {
                    Records.MessageRecord m = Records.message(r.data);
                    m.message().recordId = r.id;
                    s.messages.put(r.id, m);
                }
                case Records.LEASE -> {
                    Records.MessageRecord m = s.messages.get(r.id);
                    if (m != null) {
                        Records.applyLease(r.data, m.message());
                    }
                }
                case Records.DEDUPLICATION -> {
                    Records.DeduplicationRecord d = Records.deduplication(r.data);
                    s.windows.computeIfAbsent(d.ownerRecordId(), k -> new ArrayList<>()).add(new Stored<>(r.id, d));
                }
                case Records.ARCHIVED -> {
                    Records.ArchivedRecord a = Records.archived(r.data);
                    s.archives.computeIfAbsent(a.topicRecordId(), k -> new ArrayList<>()).add(new Stored<>(r.id, a));
                }
                case Records.MOVE_TASK -> s.moveTasks.add(new Stored<>(r.id, Records.moveTask(r.data)));
                default -> {
                    // a record type of a later release: left alone
                }
            }
        }
        return s;
    }

    /** The messages in the order they were stored (record ids grow with each queue's arrivals). */
    List<Records.MessageRecord> messagesInArrivalOrder() {
        return messages.values().stream().sorted(Comparator.comparingLong(m -> m.message().recordId)).toList();
    }

    int messageCount() {
        return messages.size();
    }
}
