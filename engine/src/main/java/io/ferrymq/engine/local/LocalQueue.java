package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.BrowseResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.sqs.SendMessageResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import static io.ferrymq.engine.local.StoredMessage.State.DELAYED;
import static io.ferrymq.engine.local.StoredMessage.State.DELETED;
import static io.ferrymq.engine.local.StoredMessage.State.IN_FLIGHT;
import static io.ferrymq.engine.local.StoredMessage.State.PENDING;
import static io.ferrymq.engine.local.StoredMessage.State.VISIBLE;

/**
 * One queue's messages and their leases. All state is guarded by {@link #lock}, one per queue, so queues never
 * contend with each other; work that reaches another queue or the caller's code runs after the lock is released
 * (see {@link Effects}). Time-dependent state (delays, leases, retention) is brought up to date lazily at the start of
 * each operation, and a single timer per queue wakes long polls, so nothing runs per message in the background.
 * Subclasses decide delivery order: {@link StandardQueue} roughly first-in first-out, {@link FifoQueue} by group.
 */
abstract class LocalQueue {
    private static final String OVER_LIMIT_MESSAGE = "Too many messages have been received without being deleted.\n"
            + "Please delete your received messages or let them timeout before receiving more.";

    final String name;
    final String url;
    final String arn;
    final long incarnation;
    /** The storage record of this queue's definition; its messages' records name it. */
    final long recordId;
    final QueueContext ctx;
    private final long createdAt;
    final ReentrantLock lock = new ReentrantLock();

    private volatile QueueSettings settings;
    private volatile long lastModifiedAt;

    // ---- guarded by lock ----
    final HashMap<String, StoredMessage> messages = new HashMap<>();
    final Arrivals arrivals = new Arrivals(); // the same messages in arrival order, for retention and browsing
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Map<String, String> tags = new TreeMap<>();
    private int visibleCount;
    private int inFlightCount;
    private int delayedCount;
    private long receiveSerial;
    /**
     * The offer clock: ticks each time a message becomes a delivery candidate, and stamps it ({@link #stamp}). A
     * waiting selective receive notes the clock when it looks, so it looks again only when there is something new.
     */
    private long offers;
    private long retentionCheckAt = Long.MAX_VALUE;
    private long lastPurgeAt = Long.MIN_VALUE;
    private io.ferrymq.engine.time.TimeSource.Timer wakeTimer;
    private long wakeAt = Long.MAX_VALUE;
    private boolean deleted;
    /** The storage batch of the operation under way, and the messages it stored (both only under the lock). */
    private Storage.Batch journal;
    private List<StoredMessage> storedInOp;

    LocalQueue(String name, long incarnation, long recordId, long createdAt, QueueSettings settings,
               Map<String, String> tags, QueueContext ctx) {
        this.name = name;
        this.recordId = recordId;
        this.url = ctx.names().queueUrl(name);
        this.arn = ctx.names().queueArn(name);
        this.incarnation = incarnation;
        this.ctx = ctx;
        this.settings = settings;
        this.createdAt = createdAt;
        this.lastModifiedAt = createdAt;
        this.tags.putAll(tags);
    }

    // ---- ordering, supplied by the subclass; all called under the lock ----

    /** A new message was stored (in any state). */
    abstract void added(StoredMessage m);

    /** The message became visible. */
    abstract void becameVisible(StoredMessage m);

    /** The message was leased to a receiver. */
    abstract void leased(StoredMessage m);

    /** The message's lease ended without a delete (it becomes visible right after). */
    abstract void leaseEnded(StoredMessage m);

    /** A released message is visible again: it goes back to the front of the line, before those never received. */
    abstract void returned(StoredMessage m);

    /** The message left the queue: deleted, expired, purged or moved; {@code previous} is the state it had. */
    abstract void removed(StoredMessage m, StoredMessage.State previous);

    /** Every message was dropped by a purge. */
    abstract void cleared();

    /** A receive starts picking messages. */
    abstract void beginTake();

    /** The next visible message to deliver, or null; the caller leases it or removes it. */
    abstract StoredMessage nextVisible();

    /**
     * A selective receive: offers the delivery candidates in order, without taking them out of line first, and
     * keeps the line as the verdicts say. FIFO: only the head of each ready group (then, once taken, the next).
     */
    abstract void scanCandidates(Candidates receive);

    /** The message became a delivery candidate: it gets the next tick of the offer clock. */
    final void stamp(StoredMessage m) {
        m.offeredAt = ++offers;
    }

    final int visibleCount() {
        return visibleCount;
    }

    /** Stores a send (FIFO queues apply deduplication here) and says what SendMessage returns. */
    abstract SendMessageResult accept(PreparedSend send, long now);

    /** FIFO: the batch an earlier receive with the same ReceiveRequestAttemptId returned, when still valid. */
    List<StoredMessage> retriedAttempt(String attemptId, long now) {
        return null;
    }

    /** FIFO: remembers what a receive with an attempt id returned. */
    void recordAttempt(String attemptId, List<StoredMessage> batch, long now) {
    }

    /** Deletes records of the queue's own kind (FIFO: its deduplication window) as the queue is deleted. */
    void forgetOwnRecords() {
    }

    /** A sequence number for a message entering this queue other than by a send (FIFO only). */
    String nextSequenceNumber() {
        return null;
    }

    boolean isFifo() {
        return settings.fifo;
    }

    QueueSettings settings() {
        return settings;
    }

    // ---- operations ----

    List<SendMessageResult> send(List<PreparedSend> batch, Acks acks) {
        return send(batch, acks, null);
    }

    /** A send whose records go into {@code shared} (null: this operation's own batch). */
    List<SendMessageResult> send(List<PreparedSend> batch, Acks acks, SharedBatch shared) {
        return locked(true, null, acks, shared, (now, fx) -> {
            List<SendMessageResult> results = new ArrayList<>(batch.size());
            for (PreparedSend p : batch) {
                results.add(accept(p, now));
            }
            return results;
        });
    }

    /**
     * Stores a new message. It stays PENDING, seen by no receiver, until its record is durable; then it becomes
     * delayed or visible (see {@link #settle}). In memory that is before the operation ends.
     */
    final void insert(StoredMessage m, long now, int delaySeconds) {
        messages.put(m.id, m);
        arrivals.append(m);
        retentionCheckAt = Math.min(retentionCheckAt, m.sentAt + settings.messageRetentionPeriod * 1000L);
        added(m);
        m.state = PENDING;
        m.visibleAt = now + delaySeconds * 1000L;
        if (ctx.storage().isDurable()) {
            m.recordId = ctx.storage().newRecordId();
            journal.add(m.recordId, Records.MESSAGE, Records.message(recordId, m));
        }
        if (storedInOp == null) {
            storedInOp = new ArrayList<>();
        }
        storedInOp.add(m);
    }

    /** A stored message whose record is durable becomes delayed or visible. */
    private void makeAvailable(StoredMessage m, long now) {
        if (m.state != PENDING) {
            return;
        }
        if (m.visibleAt > now) {
            m.state = DELAYED;
            m.version++;
            delayedCount++;
            pending.add(new Pending(m.visibleAt, m.version, m));
        } else {
            makeVisible(m);
        }
    }

    /** Adds a record of this queue's own kind (FIFO deduplication) to the operation's batch. */
    final long journalAdd(byte type, byte[] data) {
        long id = ctx.storage().newRecordId();
        journal.add(id, type, data);
        return id;
    }

    final void journalDelete(long id) {
        if (id != 0) {
            journal.delete(id);
        }
    }

    final boolean durable() {
        return ctx.storage().isDurable();
    }

    /** Journals a message's lease state: its receive count, first receive, deadline and current receipt. */
    private void journalLease(StoredMessage m) {
        if (m.recordId != 0) {
            journal.update(m.recordId, Records.LEASE, Records.lease(m));
        }
    }

    CompletableFuture<ReceiveMessageResult> receive(ReceiveOptions o, Acks acks) {
        return operate(acks, (now, fx) -> {
            if (o.attemptId() != null) {
                List<StoredMessage> again = retriedAttempt(o.attemptId(), now);
                if (again != null) {
                    return CompletableFuture.completedFuture(new ReceiveMessageResult(views(again, o)));
                }
            }
            List<Message> got = o.filter() == null ? take(o, now, fx) : takeMatching(o, 0, now, fx);
            if (!got.isEmpty()) {
                return CompletableFuture.completedFuture(new ReceiveMessageResult(got));
            }
            if (o.waitTimeSeconds() == 0) {
                if (!isFifo() && inFlightCount >= ctx.inFlightLimit()) {
                    throw new EngineException(ErrorCode.OVER_LIMIT, OVER_LIMIT_MESSAGE);
                }
                return CompletableFuture.completedFuture(new ReceiveMessageResult(List.of()));
            }
            Waiter w = new Waiter(o, this::withdraw);
            // Every candidate was offered to its filter, unless the in-flight limit stopped the take before any.
            w.seen = inFlightCount < ctx.inFlightLimit() ? offers : 0;
            waiters.addLast(w);
            w.deadline = ctx.time().schedule(now + o.waitTimeSeconds() * 1000L, () -> expire(w));
            return w.future;
        });
    }

    /** Leases up to the requested number of visible messages, dead-lettering those past maxReceiveCount. */
    private List<Message> take(ReceiveOptions o, long now, Effects fx) {
        RedrivePolicy redrive = settings.redrivePolicy;
        LocalQueue dlq = redrive == null ? null : ctx.queueByArn().apply(redrive.deadLetterTargetArn());
        long retentionMs = settings.messageRetentionPeriod * 1000L;
        List<StoredMessage> batch = new ArrayList<>(Math.min(o.maxMessages(), visibleCount));
        List<StoredMessage> dead = null;
        beginTake();
        while (batch.size() < o.maxMessages() && inFlightCount < ctx.inFlightLimit()) {
            StoredMessage m = nextVisible();
            if (m == null) {
                break;
            }
            if (m.sentAt + retentionMs <= now) {
                remove(m);
            } else if (dlq != null && dlq != this && m.receiveCount >= redrive.maxReceiveCount()) {
                removeKeepingRecord(m);
                if (dead == null) {
                    dead = new ArrayList<>();
                }
                dead.add(m);
            } else {
                lease(m, now, o.visibilityTimeout());
                batch.add(m);
            }
        }
        if (dead != null) {
            moveToDeadLetterQueue(dlq, dead, fx);
        }
        if (o.attemptId() != null && !batch.isEmpty()) {
            recordAttempt(o.attemptId(), batch, now);
        }
        return views(batch, o);
    }

    /**
     * A selective receive's take: leases the candidates its filter accepts, in delivery order; the others keep their
     * place, receive count and visibility. Expired messages and those past maxReceiveCount leave on the way as in
     * {@link #take}, before the filter sees them: it sees only messages the receive would deliver. Candidates
     * stamped at or before {@code seen} were offered to this receive's filter already and are passed over.
     * Unlike a plain take this walks past rejected messages, so it costs the visible messages it passes.
     */
    private List<Message> takeMatching(ReceiveOptions o, long seen, long now, Effects fx) {
        RedrivePolicy redrive = settings.redrivePolicy;
        LocalQueue dlq = redrive == null ? null : ctx.queueByArn().apply(redrive.deadLetterTargetArn());
        long retentionMs = settings.messageRetentionPeriod * 1000L;
        List<StoredMessage> batch = new ArrayList<>(o.maxMessages());
        List<StoredMessage> dead = new ArrayList<>(0);
        scanCandidates((m, continuing) -> {
            if (batch.size() >= o.maxMessages() || inFlightCount >= ctx.inFlightLimit()) {
                return Candidates.Verdict.DONE;
            }
            if (m.sentAt + retentionMs <= now) {
                remove(m);
                return Candidates.Verdict.REMOVED;
            }
            if (dlq != null && dlq != this && m.receiveCount >= redrive.maxReceiveCount()) {
                removeKeepingRecord(m);
                dead.add(m);
                return Candidates.Verdict.REMOVED;
            }
            if ((!continuing && m.offeredAt <= seen) || !accepts(o, m, now)) {
                return Candidates.Verdict.PASSED;
            }
            lease(m, now, o.visibilityTimeout());
            batch.add(m);
            return Candidates.Verdict.TAKEN;
        });
        if (!dead.isEmpty()) {
            moveToDeadLetterQueue(dlq, dead, fx);
        }
        if (o.attemptId() != null && !batch.isEmpty()) {
            recordAttempt(o.attemptId(), batch, now);
        }
        return views(batch, o);
    }

    /** Asks a selective receive's filter; a filter that throws rejects the message. */
    private static boolean accepts(ReceiveOptions o, StoredMessage m, long now) {
        try {
            return o.filter().accepts(MessageViews.candidate(m, o, now));
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable filterFailed) {
            return false;
        }
    }

    /** Hands messages past maxReceiveCount to the DLQ once this operation has unlocked. */
    private void moveToDeadLetterQueue(LocalQueue dlq, List<StoredMessage> dead, Effects fx) {
        // The DLQ stores them first; only once that is durable does this queue drop their records, so a crash
        // in between can leave a message in both queues but never in neither.
        CompletableFuture<Void> moved = new CompletableFuture<>();
        fx.await(moved); // the receive answers once the move is durable on both sides
        fx.later(() -> dlq.acceptDeadLetters(dead, arn).thenCompose(inDlq -> forgetRecords(dead))
                .whenComplete((done, error) -> {
                    if (error == null) {
                        moved.complete(null);
                    } else {
                        moved.completeExceptionally(error);
                    }
                }));
    }

    /** BROWSE: a page of visible messages, leasing nothing, counting nothing and writing nothing. */
    BrowseResult browse(BrowseCursors.Position after, ReceiveOptions o) {
        return operate((now, fx) -> BrowsePages.page(arrivals, messages, after, o, incarnation));
    }

    private void lease(StoredMessage m, long now, int visibilityTimeout) {
        visibleCount--;
        inFlightCount++;
        m.state = IN_FLIGHT;
        m.receiveCount++;
        if (m.firstReceiveAt == 0) {
            m.firstReceiveAt = now;
        }
        m.receiveSerial = ++receiveSerial;
        m.leaseStartedAt = now;
        m.visibleAt = now + visibilityTimeout * 1000L;
        m.version++;
        pending.add(new Pending(m.visibleAt, m.version, m));
        leased(m);
        journalLease(m);
    }

    private List<Message> views(List<StoredMessage> batch, ReceiveOptions o) {
        List<Message> out = new ArrayList<>(batch.size());
        for (StoredMessage m : batch) {
            out.add(MessageViews.of(m, o, incarnation));
        }
        return out;
    }

    void delete(ReceiptHandles.Decoded handle, String rawHandle, Acks acks) {
        operate(acks, (now, fx) -> {
            StoredMessage m = messages.get(handle.messageId());
            if (m == null) {
                return null; // already deleted: SQS answers success
            }
            boolean current = m.receiveSerial == handle.serial();
            if (isFifo() && (!current || m.state != IN_FLIGHT)) {
                throw expiredHandle(rawHandle);
            }
            if (current) { // a stale handle on a standard queue: success, and the message stays
                remove(m);
            }
            return null;
        });
    }

    void changeVisibility(ReceiptHandles.Decoded handle, String rawHandle, int visibilityTimeout, Acks acks) {
        operate(acks, (now, fx) -> {
            StoredMessage m = messages.get(handle.messageId());
            if (m == null) {
                throw Errors.invalidParameter("ReceiptHandle", rawHandle,
                        "Message does not exist or is not available for visibility timeout change.");
            }
            boolean current = m.receiveSerial == handle.serial();
            if (isFifo() && (!current || m.state != IN_FLIGHT)) {
                throw expiredHandle(rawHandle);
            }
            if (!current || m.state == DELAYED) {
                throw new EngineException(ErrorCode.MESSAGE_NOT_INFLIGHT, "The specified message isn't in flight.");
            }
            long leasedFor = (now - m.leaseStartedAt) / 1000;
            if (leasedFor + visibilityTimeout > QueueSettings.MAX_VISIBILITY_TIMEOUT) {
                throw Errors.invalidParameter("VisibilityTimeout", visibilityTimeout,
                        "Total VisibilityTimeout for the message is beyond the limit [43200 seconds].");
            }
            if (m.state == VISIBLE) {
                // A standard queue lets the latest receiver take its lease back after it lapsed, as SQS does.
                visibleCount--;
                inFlightCount++;
                m.state = IN_FLIGHT;
                leased(m);
            }
            if (visibilityTimeout == 0) {
                m.visibleAt = now;
                endLease(m);
            } else {
                m.visibleAt = now + visibilityTimeout * 1000L;
                m.version++;
                pending.add(new Pending(m.visibleAt, m.version, m));
            }
            journalLease(m);
            return null;
        });
    }

    private static EngineException expiredHandle(String rawHandle) {
        return Errors.invalidParameter("ReceiptHandle", rawHandle, "The receipt handle has expired.");
    }

    /**
     * RELEASE: hands leased messages back as if the receives that leased them had not happened. Handles that no
     * longer name a current lease (lapsed, re-received, deleted, released) are skipped.
     */
    void release(List<ReceiptHandles.Decoded> handles, Acks acks) {
        operate(acks, (now, fx) -> {
            for (int i = handles.size() - 1; i >= 0; i--) { // each goes to the front, so the first ends up first
                ReceiptHandles.Decoded h = handles.get(i);
                StoredMessage m = messages.get(h.messageId());
                if (m != null && m.receiveSerial == h.serial() && m.state == IN_FLIGHT) {
                    unlease(m, now);
                }
            }
            return null;
        });
    }

    /** Releases what a receive leased when its caller had cancelled it by the time it was answered. */
    void releaseReceived(List<Message> batch) {
        List<ReceiptHandles.Decoded> handles = new ArrayList<>(batch.size());
        for (Message msg : batch) {
            ReceiptHandles.Decoded h = ReceiptHandles.decode(msg.receiptHandle());
            if (h != null && h.incarnation() == incarnation) {
                handles.add(h);
            }
        }
        try {
            release(handles, new Acks());
        } catch (EngineException queueDeleted) {
            // its messages went with it
        }
    }

    /**
     * Undoes a lease: the message is visible at once with the receive count and first-receive time it had before
     * (so DLQ counting and JMSXDeliveryCount ignore a receive nobody saw), journaled like a visibility change.
     */
    private void unlease(StoredMessage m, long now) {
        m.receiveCount--;
        if (m.receiveCount == 0) {
            m.firstReceiveAt = 0; // only the first receive sets it
        }
        m.receiveSerial = ++receiveSerial; // no handle names a lease of it any more
        m.visibleAt = now;
        inFlightCount--;
        leaseEnded(m);
        m.state = VISIBLE;
        m.version++;
        visibleCount++;
        returned(m);
        journalLease(m);
    }

    private void endLease(StoredMessage m) {
        inFlightCount--;
        leaseEnded(m);
        makeVisible(m);
    }

    void purge(Acks acks) {
        operate(acks, (now, fx) -> {
            if (lastPurgeAt != Long.MIN_VALUE && now < lastPurgeAt + 60_000) {
                throw new EngineException(ErrorCode.PURGE_QUEUE_IN_PROGRESS,
                        "Only one PurgeQueue operation on " + name + " is allowed every 60 seconds.");
            }
            lastPurgeAt = now;
            for (StoredMessage m : messages.values()) {
                m.state = DELETED;
                m.version++;
                forgetRecord(m);
            }
            messages.clear();
            arrivals.clear();
            pending.clear();
            visibleCount = 0;
            inFlightCount = 0;
            delayedCount = 0;
            retentionCheckAt = Long.MAX_VALUE;
            cleared();
            return null;
        });
    }

    /**
     * Takes the messages a source queue hands over after a receive went past maxReceiveCount; completes when they
     * are durable here. A DLQ deleted in the meantime takes them with it, as its own messages went.
     */
    CompletableFuture<Void> acceptDeadLetters(List<StoredMessage> batch, String sourceArn) {
        Acks acks = new Acks();
        operateIfLive(null, acks, (now, fx) -> {
            for (StoredMessage m : batch) {
                insert(m.deadLettered(sourceArn, isFifo(), now, nextSequenceNumber()), now, 0);
            }
            return null;
        });
        return acks.then(null);
    }

    /** Removes up to {@code max} visible messages for a move task. */
    List<StoredMessage> takeForMove(int max) {
        return operateIfLive(List.of(), (now, fx) -> {
            List<StoredMessage> out = new ArrayList<>(Math.min(max, visibleCount));
            beginTake();
            while (out.size() < max) {
                StoredMessage m = nextVisible();
                if (m == null) {
                    break;
                }
                removeKeepingRecord(m); // dropped by forgetRecords once the messages are durable elsewhere
                out.add(m);
            }
            return out;
        });
    }

    /** Puts back messages a move task took but could not deliver, unchanged but for their place in line. */
    CompletableFuture<Void> putBack(List<StoredMessage> batch) {
        Acks acks = new Acks();
        operateIfLive(null, acks, (now, fx) -> {
            for (StoredMessage m : batch) {
                insert(m.deadLettered(m.deadLetterSourceArn, false, now, m.sequenceNumber), now, 0);
            }
            return null;
        });
        return acks.then(null);
    }

    /** Drops the records of messages that left this queue without a delete (moved, now durable elsewhere). */
    CompletableFuture<Void> forgetRecords(List<StoredMessage> batch) {
        Acks acks = new Acks();
        if (ctx.storage().isDurable()) {
            operateIfLive(null, acks, (now, fx) -> {
                batch.forEach(this::forgetRecord);
                return null;
            });
        }
        return acks.then(null);
    }

    private void forgetRecord(StoredMessage m) {
        if (m.recordId != 0) {
            journal.delete(m.recordId);
            m.recordId = 0;
        }
    }

    /** Takes messages a move task redrives here: each is a new message (new id, enqueue time and receive count). */
    CompletableFuture<Void> acceptMoved(List<StoredMessage> batch) {
        Acks acks = new Acks();
        operate(acks, (now, fx) -> {
            for (StoredMessage m : batch) {
                insert(new StoredMessage(Ids.newMessageId(), m.body, m.attributes, m.traceHeader, m.md5OfBody,
                        m.md5OfAttributes, m.md5OfSystemAttributes, now, m.groupId, m.deduplicationId,
                        nextSequenceNumber(), null, m.senderId), now, 0);
            }
            return null;
        });
        return acks.then(null);
    }

    // ---- attributes ----

    /** The read-only counters and timestamps, current as of now. */
    Map<String, String> computedAttributes() {
        return operate((now, fx) -> {
            Map<String, String> out = new TreeMap<>();
            out.put("ApproximateNumberOfMessages", Integer.toString(visibleCount));
            out.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(inFlightCount));
            out.put("ApproximateNumberOfMessagesDelayed", Integer.toString(delayedCount));
            out.put("CreatedTimestamp", Long.toString(createdAt / 1000));
            out.put("LastModifiedTimestamp", Long.toString(lastModifiedAt / 1000));
            out.put("QueueArn", arn);
            return out;
        });
    }

    int visibleMessages() {
        return operate((now, fx) -> visibleCount);
    }

    void updateSettings(QueueSettings next, Acks acks) {
        operate(acks, (now, fx) -> {
            settings = next;
            lastModifiedAt = now;
            retentionCheckAt = Long.MIN_VALUE; // the retention period may have shrunk
            journalDefinition(false);
            return null;
        });
    }

    /** The queue as its storage record describes it. */
    Records.QueueRecord definition() {
        return new Records.QueueRecord(name, incarnation, isFifo(), createdAt, settings.values(), new TreeMap<>(tags));
    }

    /** Writes this queue's definition: first as it is created, then after each change of settings or tags. */
    void journalDefinition(Acks acks) {
        operate(acks, (now, fx) -> {
            journalDefinition(true);
            return null;
        });
    }

    private void journalDefinition(boolean first) {
        if (ctx.storage().isDurable()) {
            byte[] data = Records.queue(definition());
            if (first) {
                journal.add(recordId, Records.QUEUE, data);
            } else {
                journal.update(recordId, Records.QUEUE, data);
            }
        }
    }

    /**
     * Puts back messages read from storage at start, in their order of arrival: each as it was, in flight while its
     * lease runs (its receipt handle still good), delayed or visible otherwise.
     */
    void restore(List<StoredMessage> stored) {
        operate((now, fx) -> {
            for (StoredMessage m : stored) {
                messages.put(m.id, m);
                arrivals.append(m);
                retentionCheckAt = Math.min(retentionCheckAt,
                        m.sentAt + settings.messageRetentionPeriod * 1000L);
                receiveSerial = Math.max(receiveSerial, m.receiveSerial);
                added(m);
                if (m.visibleAt > now && m.receiveSerial > 0 && m.leaseStartedAt > 0) {
                    m.state = IN_FLIGHT;
                    inFlightCount++;
                    leased(m);
                    pending.add(new Pending(m.visibleAt, m.version, m));
                } else {
                    m.state = PENDING;
                    makeAvailable(m, now);
                }
            }
            return null;
        });
    }

    Map<String, String> tags() {
        return operate((now, fx) -> new TreeMap<>(tags));
    }

    void updateTags(Map<String, String> add, List<String> removeKeys, int maxTags, Acks acks) {
        operate(acks, (now, fx) -> {
            Map<String, String> next = new TreeMap<>(tags);
            next.putAll(add);
            removeKeys.forEach(next::remove);
            if (next.size() > maxTags) {
                throw Errors.invalidParameter("Too many tags added for queue " + name + ".");
            }
            tags.clear();
            tags.putAll(next);
            journalDefinition(false);
            return null;
        });
    }

    /** Marks the queue deleted, with its messages' records; waiting receives end with QueueDoesNotExist. */
    void markDeleted(Acks acks) {
        operateIfLive(null, acks, (now, fx) -> {
            if (wakeTimer != null) {
                wakeTimer.cancel();
            }
            for (Waiter w : waiters) {
                w.deadline.cancel();
                fx.later(() -> ctx.deliveryExecutor().execute(() -> w.future.completeExceptionally(
                        Errors.queueDoesNotExist())));
            }
            waiters.clear();
            messages.values().forEach(this::forgetRecord);
            forgetOwnRecords();
            if (ctx.storage().isDurable()) {
                journal.delete(recordId);
            }
            messages.clear();
            arrivals.clear();
            pending.clear();
            cleared();
            deleted = true;
            return null;
        });
    }

    /** Ends every waiting receive with an empty result (the engine is closing). */
    void closeWaiters() {
        Effects fx = new Effects();
        lock.lock();
        try {
            for (Waiter w : waiters) {
                w.deadline.cancel();
                fx.later(() -> w.future.complete(new ReceiveMessageResult(List.of())));
            }
            waiters.clear();
        } finally {
            lock.unlock();
            fx.run();
        }
    }

    // ---- internals ----

    /** One operation on the queue's state, given the current time and the effects to run after unlocking. */
    @FunctionalInterface
    private interface Operation<T> {
        T apply(long now, Effects fx);
    }

    /** Runs an operation on a live queue; a deleted one answers QueueDoesNotExist. */
    private <T> T operate(Operation<T> op) {
        return locked(true, null, null, null, op);
    }

    /** As {@link #operate(Operation)}, adding the durability of its changes to {@code acks}. */
    private <T> T operate(Acks acks, Operation<T> op) {
        return locked(true, null, acks, null, op);
    }

    /** Runs an operation if the queue still exists, else answers {@code whenDeleted}. */
    private <T> T operateIfLive(T whenDeleted, Operation<T> op) {
        return locked(false, whenDeleted, null, null, op);
    }

    private <T> T operateIfLive(T whenDeleted, Acks acks, Operation<T> op) {
        return locked(false, whenDeleted, acks, null, op);
    }

    /**
     * The shape of every operation: under the lock, bring time-dependent state up to date, do the work, hand
     * visible messages to waiting receives; then, unlocked, run the effects (completions, moves to other queues).
     */
    private <T> T locked(boolean failWhenDeleted, T whenDeleted, Acks acks, SharedBatch shared, Operation<T> op) {
        Effects fx = new Effects();
        lock.lock();
        try {
            if (deleted) {
                if (failWhenDeleted) {
                    throw Errors.queueDoesNotExist();
                }
                return whenDeleted;
            }
            long now = now();
            journal = shared != null ? shared.batch : ctx.storage().batch();
            promote(now);
            T result = op.apply(now, fx);
            // Committed under the lock, so this queue's records reach the journal in the order of its changes. A
            // shared batch is committed by its owner later; its messages stay unseen until then (see SharedBatch).
            // What nobody waits for asks for no sync of its own (a receive's leases, unless receives wait for them; a
            // delete the caller does not wait for): the next change synced takes it to the disk first.
            boolean strict = ctx.receivesWaitForLeases();
            Acks.Answer answer = acks == null ? Acks.Answer.WHEN_DURABLE : acks.answer();
            CompletableFuture<Void> durable = shared != null ? shared.committed : journal.isEmpty() ? Effects.DONE
                    : answer.syncs(strict) ? journal.commit() : journal.commitUnsynced();
            CompletableFuture<Void> available = settle(durable);
            // Leases finish() gives waiting receives go in a batch of their own, committed after the first (still
            // under the lock): the first is already written, and the waiters answer only once theirs is durable.
            Storage.Batch handedOut = journal = ctx.storage().batch();
            finish(now, fx);
            CompletableFuture<Void> leases = handedOut.isEmpty() ? Effects.DONE
                    : strict ? handedOut.commit() : handedOut.commitUnsynced();
            fx.settle(available, leases, strict);
            if (acks != null) {
                acks.add(answer.of(fx));
            }
            return result;
        } finally {
            journal = null;
            storedInOp = null;
            lock.unlock();
            fx.run();
        }
    }

    /**
     * Messages stored by this operation become available once durable: at once in memory, else when the journal
     * says. The operation answers only after that, so a receive right after an acknowledged send sees the message.
     */
    private CompletableFuture<Void> settle(CompletableFuture<Void> durable) {
        List<StoredMessage> stored = storedInOp;
        storedInOp = null;
        if (stored == null) {
            return durable;
        }
        if (durable.isDone() && !durable.isCompletedExceptionally()) {
            long now = now();
            stored.forEach(m -> makeAvailable(m, now));
            return durable;
        }
        return durable.thenRun(() -> operateIfLive(null, (now, fx) -> {
            stored.forEach(m -> makeAvailable(m, now));
            return null;
        }));
    }

    long now() {
        return ctx.time().millis();
    }

    private void makeVisible(StoredMessage m) {
        m.state = VISIBLE;
        m.version++;
        visibleCount++;
        becameVisible(m);
    }

    final void remove(StoredMessage m) {
        forgetRecord(m);
        removeKeepingRecord(m);
    }

    /** Removes a message from the queue but not yet from storage (it is moving to another queue). */
    private void removeKeepingRecord(StoredMessage m) {
        if (messages.remove(m.id) == m) { // unlinking twice would corrupt the arrival order
            arrivals.unlink(m);
        }
        discard(m);
    }

    private void discard(StoredMessage m) {
        StoredMessage.State previous = m.state;
        switch (previous) {
            case VISIBLE -> visibleCount--;
            case IN_FLIGHT -> inFlightCount--;
            case DELAYED -> delayedCount--;
            case PENDING -> {
            }
            default -> {
                return;
            }
        }
        m.state = DELETED;
        m.version++;
        removed(m, previous);
    }

    /** Brings delays, leases and retention up to date with the clock. */
    private void promote(long now) {
        if (now >= retentionCheckAt) {
            expireRetention(now);
        }
        // Each delayed or in-flight message has exactly one current entry; the rest are stale (deleted or re-leased
        // messages). Dropping them once they outnumber the live ones keeps the heap proportional to live leases.
        if (pending.size() > 2 * (delayedCount + inFlightCount) + 1024) {
            pending.removeIf(entry -> !entry.isCurrent());
        }
        Pending p;
        while ((p = pending.peek()) != null && p.at() <= now) {
            pending.poll();
            if (!p.isCurrent()) {
                continue;
            }
            StoredMessage m = p.message();
            if (m.state == DELAYED) {
                delayedCount--;
                makeVisible(m);
            } else if (m.state == IN_FLIGHT) {
                endLease(m);
            }
        }
    }

    private void expireRetention(long now) {
        long retentionMs = settings.messageRetentionPeriod * 1000L;
        StoredMessage m;
        while ((m = arrivals.oldest()) != null) {
            if (m.sentAt + retentionMs > now) {
                retentionCheckAt = m.sentAt + retentionMs;
                return;
            }
            forgetRecord(m);
            removeKeepingRecord(m);
        }
        retentionCheckAt = Long.MAX_VALUE;
    }

    /** Ends an operation: hands visible messages to waiting receives and keeps the wake-up timer right. */
    private void finish(long now, Effects fx) {
        if (!waiters.isEmpty() && visibleCount > 0) {
            serveWaiters(now, fx);
        }
        scheduleWake();
    }

    /**
     * Offers visible messages to the waiting receives in the order they came. A selective one takes only what its
     * filter accepts, so what it leaves goes on to the next; it looks only when something new became a candidate.
     */
    private void serveWaiters(long now, Effects fx) {
        Iterator<Waiter> it = waiters.iterator();
        while (it.hasNext() && visibleCount > 0 && inFlightCount < ctx.inFlightLimit()) {
            Waiter w = it.next();
            if (w.future.isDone()) { // the caller gave up on it
                it.remove();
                w.deadline.cancel();
                continue;
            }
            List<Message> got;
            if (w.options.filter() == null) {
                got = take(w.options, now, fx);
                if (got.isEmpty()) {
                    break; // nothing is deliverable, so no receive after it would get anything either
                }
            } else {
                if (w.seen == offers) {
                    continue;
                }
                got = takeMatching(w.options, w.seen, now, fx);
                w.seen = offers;
                if (got.isEmpty()) {
                    continue;
                }
            }
            it.remove();
            w.deadline.cancel();
            ReceiveMessageResult result = new ReceiveMessageResult(got);
            fx.whenDeliverable(() -> ctx.deliveryExecutor().execute(() -> {
                if (!w.future.complete(result)) { // cancelled meanwhile: it must lease nothing
                    releaseReceived(got);
                }
            }), failure -> w.future.completeExceptionally(failure));
        }
    }

    /** One timer per queue, set for the next moment a message becomes visible, only while receives wait. */
    private void scheduleWake() {
        if (waiters.isEmpty()) {
            return;
        }
        Pending next;
        while ((next = pending.peek()) != null && !next.isCurrent()) {
            pending.poll();
        }
        if (next == null || next.at() >= wakeAt) {
            return;
        }
        if (wakeTimer != null) {
            wakeTimer.cancel();
        }
        wakeAt = next.at();
        wakeTimer = ctx.time().schedule(wakeAt, this::onWake);
    }

    private void onWake() {
        operateIfLive(null, (now, fx) -> {
            wakeTimer = null; // finish() sets the next one
            wakeAt = Long.MAX_VALUE;
            return null;
        });
    }

    /** A cancelled receive leaves the line at once, so that short waits cancelled often leave nothing behind. */
    private void withdraw(Waiter w) {
        operateIfLive(null, (now, fx) -> {
            if (waiters.remove(w)) {
                w.deadline.cancel();
            }
            return null;
        });
    }

    private void expire(Waiter w) {
        operateIfLive(null, (now, fx) -> {
            if (waiters.remove(w)) {
                fx.later(() -> ctx.deliveryExecutor().execute(
                        () -> w.future.complete(new ReceiveMessageResult(List.of()))));
            }
            return null;
        });
    }
}
