package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.BatchResultErrorEntry;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.ListDeadLetterSourceQueuesRequest;
import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.engine.sqs.ListQueuesResult;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.MessageMoveTask;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.engine.sqs.QueueAttributeName;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.SendMessageResult;
import io.ferrymq.engine.sqs.StartMessageMoveTaskRequest;
import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.time.TimeSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SQS actions of the embedded engine: the queue registry, and every request's validation with SQS's error codes
 * and texts before any queue is touched, so a refused request changes nothing. Queues live in a concurrent map and
 * each guards its own messages with its own lock, so there is no lock across queues.
 */
final class SqsActions {
    private static final long QUEUE_NAME_REUSE_DELAY_MS = 60_000;
    private static final int MAX_TAGS = 50;
    private static final Pattern GROUP_OR_DEDUP_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Set<String> READABLE_ATTRIBUTES = readableAttributeNames();

    private final ResourceNames names;
    private final TimeSource time;
    private final QueueContext ctx;
    private final ConcurrentHashMap<String, LocalQueue> queues = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> recentlyDeleted = new ConcurrentHashMap<>();
    private final AtomicLong incarnations = new AtomicLong();
    private final MessageMoveTasks moveTasks;

    SqsActions(ResourceNames names, TimeSource time, Executor deliveryExecutor, int inFlightLimit, Storage storage,
               boolean receivesWaitForLeases) {
        this.names = names;
        this.time = time;
        this.ctx = new QueueContext(time, deliveryExecutor, inFlightLimit, names.accountId(), names, this::queueByArn,
                storage, receivesWaitForLeases);
        this.moveTasks = new MessageMoveTasks(this::queueByArn, this::isDeadLetterQueue, ctx);
    }

    // ---- queues ----

    CompletableFuture<String> createQueue(CreateQueueRequest request) {
        return Futures.durably(acks -> {
            String name = request.queueName();
            if (name == null) {
                throw Errors.missingParameter("QueueName");
            }
            boolean fifo = "true".equalsIgnoreCase(request.attributes().get(QueueAttributeName.FIFO_QUEUE));
            if (fifo && !ResourceNames.isValidFifoName(name)) {
                throw Errors.invalidParameter("The name of a FIFO queue can only include alphanumeric characters,"
                        + " hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
            }
            if (!fifo && !ResourceNames.isValidStandardName(name)) {
                throw Errors.invalidParameter("Can only include alphanumeric characters, hyphens, or underscores."
                        + " 1 to 80 in length");
            }
            Map<String, String> normalized = QueueSettings.normalize(request.attributes(), fifo, true);
            checkTags(name, request.tags(), List.of());
            LocalQueue queue = queues.compute(name, (n, existing) -> {
                if (existing != null) {
                    String differing = existing.isFifo() != fifo ? QueueAttributeName.FIFO_QUEUE
                            : existing.settings().firstDifference(normalized);
                    if (differing != null) {
                        throw new EngineException(io.ferrymq.engine.ErrorCode.QUEUE_NAME_EXISTS, "A queue already"
                                + " exists with the same name and a different value for attribute " + differing);
                    }
                    return existing;
                }
                Long deletedAt = recentlyDeleted.get(n);
                if (deletedAt != null && time.millis() < deletedAt + QUEUE_NAME_REUSE_DELAY_MS) {
                    throw new EngineException(io.ferrymq.engine.ErrorCode.QUEUE_DELETED_RECENTLY, "You must wait 60"
                            + " seconds after deleting a queue before you can create another with the same name.");
                }
                recentlyDeleted.remove(n);
                QueueSettings settings = QueueSettings.defaults(fifo).with(normalized);
                checkRedrive(names.queueArn(n), settings, request.attributes());
                long incarnation = incarnations.incrementAndGet();
                long recordId = ctx.storage().newRecordId();
                LocalQueue created = fifo
                        ? new FifoQueue(n, incarnation, recordId, time.millis(), settings, request.tags(), ctx)
                        : new StandardQueue(n, incarnation, recordId, time.millis(), settings, request.tags(), ctx);
                // Written before the queue is visible to anyone, so no message record can precede it.
                created.journalDefinition(acks);
                return created;
            });
            return queue.url;
        });
    }

    CompletableFuture<String> getQueueUrl(String queueName, String queueOwnerAccountId) {
        return Futures.call(() -> {
            if (queueName == null) {
                throw Errors.missingParameter("QueueName");
            }
            if (queueOwnerAccountId != null && !queueOwnerAccountId.equals(names.accountId())) {
                throw Errors.queueDoesNotExist();
            }
            LocalQueue q = queues.get(queueName);
            if (q == null) {
                throw Errors.queueDoesNotExist();
            }
            return q.url;
        });
    }

    CompletableFuture<Void> deleteQueue(String queueUrl) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            if (queues.remove(q.name, q)) {
                recentlyDeleted.put(q.name, time.millis());
                q.markDeleted(acks);
            }
            return null;
        });
    }

    CompletableFuture<ListQueuesResult> listQueues(ListQueuesRequest request) {
        return Futures.call(() -> {
            String prefix = request.queueNamePrefix() == null ? "" : request.queueNamePrefix();
            SortedSet<String> matching = new TreeSet<>();
            for (String name : queues.keySet()) {
                if (name.startsWith(prefix)) {
                    matching.add(name);
                }
            }
            return Paging.page(matching, request.maxResults(), request.nextToken(), names::queueUrl);
        });
    }

    CompletableFuture<Map<String, String>> getQueueAttributes(String queueUrl, List<String> attributeNames) {
        return Futures.call(() -> {
            LocalQueue q = queue(queueUrl);
            List<String> wanted = attributeNames == null ? List.of() : attributeNames;
            for (String n : wanted) {
                if (!READABLE_ATTRIBUTES.contains(n)) {
                    throw Errors.unknownAttribute(n);
                }
            }
            Map<String, String> all = new TreeMap<>(q.settings().values());
            if (!wanted.isEmpty()) {
                all.putAll(q.computedAttributes());
            }
            if (wanted.contains(QueueAttributeName.ALL)) {
                return all;
            }
            Map<String, String> out = new TreeMap<>();
            for (String n : wanted) {
                if (all.containsKey(n)) {
                    out.put(n, all.get(n));
                }
            }
            return out;
        });
    }

    CompletableFuture<Void> setQueueAttributes(String queueUrl, Map<String, String> attributes) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            if (attributes == null || attributes.isEmpty()) {
                throw Errors.missingParameter("Attribute.Name");
            }
            Map<String, String> normalized = QueueSettings.normalize(attributes, q.isFifo(), false);
            q.lock.lock(); // read-modify-write of the settings, so concurrent changes do not undo each other
            try {
                QueueSettings next = q.settings().with(normalized);
                if (normalized.containsKey(QueueAttributeName.REDRIVE_POLICY)) {
                    checkRedrive(q.arn, next, attributes);
                }
                q.updateSettings(next, acks);
            } finally {
                q.lock.unlock();
            }
            return null;
        });
    }

    CompletableFuture<Void> purgeQueue(String queueUrl) {
        return Futures.durably(acks -> {
            queue(queueUrl).purge(acks);
            return null;
        });
    }

    CompletableFuture<Void> tagQueue(String queueUrl, Map<String, String> tags) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            if (tags == null || tags.isEmpty()) {
                throw Errors.missingParameter("Tags");
            }
            checkTags(q.name, tags, List.of());
            q.updateTags(tags, List.of(), MAX_TAGS, acks);
            return null;
        });
    }

    CompletableFuture<Void> untagQueue(String queueUrl, List<String> tagKeys) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            if (tagKeys == null || tagKeys.isEmpty()) {
                throw Errors.missingParameter("TagKeys");
            }
            checkTags(q.name, Map.of(), tagKeys);
            q.updateTags(Map.of(), tagKeys, MAX_TAGS, acks);
            return null;
        });
    }

    CompletableFuture<Map<String, String>> listQueueTags(String queueUrl) {
        return Futures.call(() -> queue(queueUrl).tags());
    }

    // ---- messages ----

    CompletableFuture<SendMessageResult> sendMessage(SendMessageRequest request) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(request.queueUrl());
            PreparedSend send = prepare(q, request.toEntry("single"));
            return q.send(List.of(send), acks).get(0);
        });
    }

    CompletableFuture<BatchResult<SendMessageBatchResultEntry>> sendMessageBatch(SendMessageBatchRequest request) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(request.queueUrl());
            List<SendMessageBatchRequestEntry> entries = request.entries();
            BatchRules.SQS.check(entries.stream().map(SendMessageBatchRequestEntry::id).toList(),
                    "SendMessageBatchRequestEntry");
            int total = 0;
            for (SendMessageBatchRequestEntry e : entries) {
                if (q.isFifo() && e.messageGroupId() == null) {
                    throw Errors.invalidParameter("The request must contain the parameter MessageGroupId.");
                }
                total += MessageAttributeValue.utf8Length(e.messageBody());
                for (Map.Entry<String, MessageAttributeValue> a : e.messageAttributes().entrySet()) {
                    total += a.getValue() == null ? 0 : a.getValue().sizeInBytes(a.getKey());
                }
            }
            if (total > BatchRules.MAX_BATCH_BYTES) {
                throw new EngineException(io.ferrymq.engine.ErrorCode.BATCH_REQUEST_TOO_LONG, "Batch requests"
                        + " cannot be longer than " + BatchRules.MAX_BATCH_BYTES + " bytes. You have sent " + total
                        + " bytes.");
            }
            List<PreparedSend> valid = new ArrayList<>(entries.size());
            List<String> validIds = new ArrayList<>(entries.size());
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                SendMessageBatchRequestEntry e = entries.get(i);
                try {
                    if (e.messageBody() == null || e.messageBody().isEmpty()) { // SQS names the entry by position
                        throw Errors.missingParameter("SendMessageBatchRequestEntry." + (i + 1) + ".MessageBody");
                    }
                    valid.add(prepare(q, e));
                    validIds.add(e.id());
                } catch (EngineException ex) {
                    failed.add(BatchResultErrorEntry.of(e.id(), ex));
                }
            }
            List<SendMessageBatchResultEntry> successful = new ArrayList<>(valid.size());
            if (!valid.isEmpty()) {
                List<SendMessageResult> results = q.send(valid, acks);
                for (int i = 0; i < results.size(); i++) {
                    successful.add(SendMessageBatchResultEntry.of(validIds.get(i), results.get(i)));
                }
            }
            return new BatchResult<>(successful, failed);
        });
    }

    /**
     * Stores messages an SNS subscription delivers, as sends to the queue with this ARN. Returns the entries the
     * queue refused (all of them when it does not exist), which the subscription's redrive policy then handles.
     */
    List<SendMessageBatchRequestEntry> acceptFromTopic(String queueArn, List<SendMessageBatchRequestEntry> entries,
                                                       Acks acks, SharedBatch publish) {
        LocalQueue q = queueByArn(queueArn);
        if (q == null || entries.isEmpty()) {
            return q == null ? entries : List.of();
        }
        List<PreparedSend> valid = new ArrayList<>(entries.size());
        List<SendMessageBatchRequestEntry> refused = new ArrayList<>();
        List<SendMessageBatchRequestEntry> accepted = new ArrayList<>(entries.size());
        for (SendMessageBatchRequestEntry e : entries) {
            try {
                valid.add(prepare(q, e));
                accepted.add(e);
            } catch (EngineException ex) {
                refused.add(e);
            }
        }
        try {
            q.send(valid, acks, publish);
        } catch (EngineException queueDeletedMeanwhile) {
            refused.addAll(accepted);
        }
        return refused;
    }

    /** Validates one send against SQS's rules and the queue's settings, and computes its digests. */
    private PreparedSend prepare(LocalQueue q, SendMessageBatchRequestEntry e) {
        QueueSettings s = q.settings();
        MessageValidator.validate(e.messageBody(), e.messageAttributes(), e.messageSystemAttributes(),
                s.maximumMessageSize);
        Integer delay = e.delaySeconds();
        if (delay != null && (delay < 0 || delay > QueueSettings.MAX_DELAY_SECONDS)) {
            throw Errors.invalidParameter("DelaySeconds", delay, "DelaySeconds must be >= 0 and <= 900.");
        }
        String groupId = e.messageGroupId();
        String deduplicationId = e.messageDeduplicationId();
        if (groupId != null) {
            checkGroupOrDeduplicationId("MessageGroupId", groupId);
        }
        if (s.fifo) {
            if (delay != null && delay != 0) {
                throw Errors.notForThisQueueType("DelaySeconds", delay);
            }
            if (groupId == null) {
                throw Errors.missingParameter("MessageGroupId");
            }
            if (deduplicationId == null) {
                if (!s.contentBasedDeduplication) {
                    throw Errors.invalidParameter("The queue should either have ContentBasedDeduplication enabled or"
                            + " MessageDeduplicationId provided explicitly");
                }
                deduplicationId = Md5Digests.sha256(e.messageBody());
            } else {
                checkGroupOrDeduplicationId("MessageDeduplicationId", deduplicationId);
            }
        } else if (deduplicationId != null) {
            throw Errors.invalidParameter("MessageDeduplicationId", deduplicationId,
                    "The request includes a parameter that is not valid for this queue type.");
        }
        Map<String, MessageAttributeValue> attributes = new TreeMap<>(e.messageAttributes());
        MessageAttributeValue trace = e.messageSystemAttributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER);
        return new PreparedSend(e.messageBody(), attributes, trace == null ? null : trace.stringValue(),
                Md5Digests.ofBody(e.messageBody()), Md5Digests.ofAttributes(attributes),
                Md5Digests.ofAttributes(e.messageSystemAttributes()),
                delay != null && !s.fifo ? delay : s.delaySeconds, groupId, deduplicationId);
    }

    private static void checkGroupOrDeduplicationId(String parameter, String value) {
        if (!GROUP_OR_DEDUP_ID.matcher(value).matches()) {
            throw Errors.invalidParameter(parameter, value, parameter + " can only include alphanumeric and"
                    + " punctuation characters. 1 to 128 in length.");
        }
    }

    CompletableFuture<ReceiveMessageResult> receiveMessage(ReceiveMessageRequest request) {
        return receiveMessage(request, null);
    }

    /** ReceiveMessage, or with a filter a selective receive ({@link io.ferrymq.engine.Capability#SELECTIVE_RECEIVE}). */
    CompletableFuture<ReceiveMessageResult> receiveMessage(ReceiveMessageRequest request,
                                                           io.ferrymq.engine.MessageFilter filter) {
        try {
            LocalQueue q = queue(request.queueUrl());
            QueueSettings s = q.settings();
            int max = orDefault(request.maxNumberOfMessages(), 1);
            if (max < 1 || max > 10) {
                throw Errors.invalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
            }
            int visibility = orDefault(request.visibilityTimeout(), s.visibilityTimeout);
            if (visibility < 0 || visibility > QueueSettings.MAX_VISIBILITY_TIMEOUT) {
                throw Errors.invalidParameter("VisibilityTimeout", visibility, "Must be >= 0 and <= 43200, if provided.");
            }
            int wait = orDefault(request.waitTimeSeconds(), s.receiveMessageWaitTimeSeconds);
            if (wait < 0 || wait > QueueSettings.MAX_WAIT_TIME_SECONDS) {
                throw Errors.invalidParameter("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
            }
            String attemptId = q.isFifo() ? request.receiveRequestAttemptId() : null;
            if (attemptId != null) {
                checkGroupOrDeduplicationId("ReceiveRequestAttemptId", attemptId);
            }
            Acks acks = new Acks(Acks.Answer.WHEN_DELIVERABLE);
            CompletableFuture<ReceiveMessageResult> received = q.receive(new ReceiveOptions(max, visibility, wait,
                    request.messageAttributeNames(), request.messageSystemAttributeNames(), attemptId, filter), acks);
            CompletableFuture<Void> leases = acks.then(null);
            if (leases.isDone() && !leases.isCompletedExceptionally()) {
                return received; // the waiter's own future, so that cancelling it frees the waiter
            }
            CompletableFuture<ReceiveMessageResult> answer = leases.thenCompose(durable -> received);
            answer.whenComplete((r, e) -> {
                if (answer.isCancelled() && !received.cancel(false)) {
                    // Too late to withdraw: it holds leases its caller will never see, so they go back.
                    received.thenAccept(got -> q.releaseReceived(got.messages()));
                }
            });
            return answer;
        } catch (EngineException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<Void> deleteMessage(String queueUrl, String receiptHandle) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            q.delete(decodeHandle(q, receiptHandle), receiptHandle, acks);
            return null;
        });
    }

    CompletableFuture<BatchResult<String>> deleteMessageBatch(String queueUrl,
                                                                      List<DeleteMessageBatchRequestEntry> entries) {
        return Futures.durably(acks -> deleteEach(queueUrl, entries, acks));
    }

    /** DeleteMessageBatch answering once written, not synced: see {@link io.ferrymq.engine.Engine}. */
    CompletableFuture<BatchResult<String>> deleteMessageBatchUnsynced(String queueUrl,
                                                                      List<DeleteMessageBatchRequestEntry> entries) {
        return Futures.unsynced(acks -> deleteEach(queueUrl, entries, acks));
    }

    private BatchResult<String> deleteEach(String queueUrl, List<DeleteMessageBatchRequestEntry> entries, Acks acks) {
        LocalQueue q = queue(queueUrl);
        return eachEntry(entries, DeleteMessageBatchRequestEntry::id, "DeleteMessageBatchRequestEntry",
                e -> q.delete(decodeHandle(q, e.receiptHandle()), e.receiptHandle(), acks));
    }

    CompletableFuture<Void> changeMessageVisibility(String queueUrl, String receiptHandle,
                                                          int visibilityTimeout) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            changeVisibility(q, receiptHandle, visibilityTimeout, acks);
            return null;
        });
    }

    CompletableFuture<BatchResult<String>> changeMessageVisibilityBatch(
            String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries) {
        return Futures.durably(acks -> {
            LocalQueue q = queue(queueUrl);
            return eachEntry(entries, ChangeMessageVisibilityBatchRequestEntry::id,
                    "ChangeMessageVisibilityBatchRequestEntry",
                    e -> changeVisibility(q, e.receiptHandle(), e.visibilityTimeout(), acks));
        });
    }

    /** A batch whose entries succeed or fail one by one; the successes are the entry ids. */
    private static <E> BatchResult<String> eachEntry(List<E> entries, Function<E, String> id, String entryType,
                                                     Consumer<E> action) {
        List<E> list = entries == null ? List.of() : entries;
        BatchRules.SQS.check(list.stream().map(id).toList(), entryType);
        List<String> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (E e : list) {
            try {
                action.accept(e);
                ok.add(id.apply(e));
            } catch (EngineException ex) {
                failed.add(BatchResultErrorEntry.of(id.apply(e), ex));
            }
        }
        return new BatchResult<>(ok, failed);
    }

    private void changeVisibility(LocalQueue q, String receiptHandle, int visibilityTimeout, Acks acks) {
        ReceiptHandles.Decoded handle = decodeHandle(q, receiptHandle);
        if (visibilityTimeout < 0 || visibilityTimeout > QueueSettings.MAX_VISIBILITY_TIMEOUT) {
            throw Errors.invalidParameter("VisibilityTimeout", visibilityTimeout, "Must be between 0 and 43200.");
        }
        q.changeVisibility(handle, receiptHandle, visibilityTimeout, acks);
    }

    static ReceiptHandles.Decoded decodeHandle(LocalQueue q, String receiptHandle) {
        if (receiptHandle == null) {
            throw Errors.missingParameter("ReceiptHandle");
        }
        ReceiptHandles.Decoded d = ReceiptHandles.decode(receiptHandle);
        if (d == null || d.incarnation() != q.incarnation) {
            throw Errors.receiptHandleIsInvalid(receiptHandle);
        }
        return d;
    }

    // ---- dead-letter queues ----

    CompletableFuture<ListQueuesResult> listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest request) {
        return Futures.call(() -> {
            LocalQueue dlq = queue(request.queueUrl());
            SortedSet<String> sources = new TreeSet<>();
            for (LocalQueue q : queues.values()) {
                RedrivePolicy p = q.settings().redrivePolicy;
                if (p != null && p.deadLetterTargetArn().equals(dlq.arn)) {
                    sources.add(q.name);
                }
            }
            return Paging.page(sources, request.maxResults(), request.nextToken(), names::queueUrl);
        });
    }

    CompletableFuture<String> startMessageMoveTask(StartMessageMoveTaskRequest request) {
        return Futures.durably(acks -> moveTasks.start(request, acks));
    }

    CompletableFuture<Long> cancelMessageMoveTask(String taskHandle) {
        return Futures.durably(acks -> moveTasks.cancel(taskHandle, acks));
    }

    CompletableFuture<List<MessageMoveTask>> listMessageMoveTasks(String sourceArn, Integer maxResults) {
        return Futures.call(() -> moveTasks.list(sourceArn, maxResults));
    }

    /**
     * Rebuilds the queues and their messages from the records storage found at start; returns how many of each.
     * Messages of queues that no longer exist (deleted while moving) are dropped, with their records, unless
     * {@code damageFound}: a damaged record may be their queue's, so they stay on disk for a salvage. So are the
     * source queue's copies of messages a crash caught halfway into a dead-letter queue.
     */
    long[] recover(RecoveredState state, boolean damageFound) {
        Map<Long, LocalQueue> byRecord = new HashMap<>();
        for (Map.Entry<Long, Records.QueueRecord> e : state.queues.entrySet()) {
            Records.QueueRecord d = e.getValue();
            QueueSettings settings = QueueSettings.defaults(d.fifo()).with(d.settings());
            LocalQueue q = d.fifo()
                    ? new FifoQueue(d.name(), d.incarnation(), e.getKey(), d.createdAt(), settings, d.tags(), ctx)
                    : new StandardQueue(d.name(), d.incarnation(), e.getKey(), d.createdAt(), settings, d.tags(), ctx);
            queues.put(d.name(), q);
            byRecord.put(e.getKey(), q);
            incarnations.accumulateAndGet(d.incarnation(), Math::max);
        }
        Map<LocalQueue, List<StoredMessage>> perQueue = new HashMap<>();
        List<StoredMessage> orphans = new ArrayList<>();
        state.messagesInArrivalOrder().forEach(m -> {
            LocalQueue q = byRecord.get(m.queueRecordId());
            if (q == null) {
                orphans.add(m.message());
            } else {
                perQueue.computeIfAbsent(q, k -> new ArrayList<>()).add(m.message());
            }
        });
        // A dead-letter move stores the message in the DLQ before the source drops its record, so a crash in between
        // leaves it in both. The move ends here: else the source would move it again and the DLQ hold it twice.
        Set<String> deadLettered = new HashSet<>();
        perQueue.values().forEach(list -> list.forEach(m -> {
            if (m.deadLetterSourceArn != null) {
                deadLettered.add(m.deadLetterSourceArn + ' ' + m.id);
            }
        }));
        List<StoredMessage> duplicates = new ArrayList<>();
        if (!deadLettered.isEmpty()) {
            perQueue.forEach((q, list) -> list.removeIf(m -> deadLettered.contains(q.arn + ' ' + m.id)
                    && duplicates.add(m)));
        }
        perQueue.forEach(LocalQueue::restore);
        state.windows.forEach((owner, window) -> {
            if (byRecord.get(owner) instanceof FifoQueue fifo) { // other owners are topics: SnsActions restores them
                fifo.restoreWindow(window);
            }
        });
        List<StoredMessage> dropped = new ArrayList<>(duplicates);
        if (!damageFound) { // after damage, an orphan's queue record may be the damaged one: keep it on disk
            dropped.addAll(orphans);
        }
        if (!dropped.isEmpty()) {
            Storage.Batch drop = ctx.storage().batch();
            dropped.forEach(m -> drop.delete(m.recordId));
            drop.commit().join();
        }
        queues.values().forEach(LocalQueue::visibleMessages); // expires what retention ended while stopped
        moveTasks.restore(state.moveTasks);
        return new long[] {state.queues.size(), state.messageCount() - orphans.size() - duplicates.size()};
    }

    private static final long HOUSEKEEPING_INTERVAL_MS = 60_000;
    private volatile TimeSource.Timer housekeeping;
    private volatile boolean closed;

    /**
     * Expires messages past retention in every queue once a minute, so that disk use follows the live data even
     * for queues nobody touches (otherwise a queue drops expired messages at its next operation).
     */
    void startHousekeeping() {
        if (closed) {
            return;
        }
        housekeeping = time.schedule(time.millis() + HOUSEKEEPING_INTERVAL_MS, () -> {
            queues.values().forEach(LocalQueue::visibleMessages);
            startHousekeeping();
        });
    }

    /** Ends what runs in the background: move tasks and waiting receives. */
    void close() {
        closed = true;
        if (housekeeping != null) {
            housekeeping.cancel();
        }
        moveTasks.close();
        queues.values().forEach(LocalQueue::closeWaiters);
    }

    // ---- internals ----

    LocalQueue queue(String queueUrl) {
        if (queueUrl == null) {
            throw Errors.missingParameter("QueueUrl");
        }
        String name = names.queueNameFromUrl(queueUrl);
        LocalQueue q = name == null ? null : queues.get(name);
        if (q == null) {
            throw Errors.queueDoesNotExist();
        }
        return q;
    }

    /** The live queue an ARN names, or null. */
    LocalQueue queueByArn(String arn) {
        String name = names.queueNameFromArn(arn);
        return name == null ? null : queues.get(name);
    }

    private boolean isDeadLetterQueue(LocalQueue candidate) {
        for (LocalQueue q : queues.values()) {
            RedrivePolicy p = q.settings().redrivePolicy;
            if (p != null && p.deadLetterTargetArn().equals(candidate.arn)) {
                return true;
            }
        }
        return false;
    }

    /** The DLQ a RedrivePolicy names must exist, be of the same type, and allow this source. */
    private void checkRedrive(String sourceArn, QueueSettings settings, Map<String, String> rawAttributes) {
        RedrivePolicy policy = settings.redrivePolicy;
        if (policy == null) {
            return;
        }
        String raw = rawAttributes.get(QueueAttributeName.REDRIVE_POLICY);
        LocalQueue dlq = queueByArn(policy.deadLetterTargetArn());
        if (dlq == null) {
            throw Errors.invalidParameter(RedrivePolicy.NAME, raw, "Dead letter target does not exist.");
        }
        if (dlq.isFifo() != settings.fifo) {
            throw Errors.invalidParameter(RedrivePolicy.NAME, raw,
                    "Dead-letter queue must be same type of queue as the source..");
        }
        if (!dlq.settings().redriveAllowPolicy.allows(sourceArn)) {
            throw Errors.invalidParameter(RedrivePolicy.NAME, raw, "Queue " + sourceArn + " is not allowed by the"
                    + " RedriveAllowPolicy of " + dlq.arn + " to use it as a dead-letter queue.");
        }
    }

    private static void checkTags(String queueName, Map<String, String> tags, List<String> keys) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(tags.keySet());
        for (String key : all) {
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw Errors.invalidParameter("Tag keys must be between 1 and 128 characters in length.");
            }
        }
        for (String value : tags.values()) {
            if (value == null || value.length() > 256) {
                throw Errors.invalidParameter("Tag values must be between 0 and 256 characters in length.");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw Errors.invalidParameter("Too many tags added for queue " + queueName + ".");
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }






    private static Set<String> readableAttributeNames() {
        Set<String> out = new TreeSet<>();
        for (Field f : QueueAttributeName.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(out);
    }
}
