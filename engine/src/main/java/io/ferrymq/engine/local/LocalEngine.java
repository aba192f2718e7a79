package io.ferrymq.engine.local;

import io.ferrymq.engine.Capability;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.MessageFilter;
import io.ferrymq.engine.local.storage.JournalStorage;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import io.ferrymq.engine.local.storage.MemoryStorage;
import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.ListSubscriptionsResult;
import io.ferrymq.engine.sns.ListTopicsResult;
import io.ferrymq.engine.sns.PublishBatchRequest;
import io.ferrymq.engine.sns.PublishBatchResultEntry;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.PublishResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.BrowseRequest;
import io.ferrymq.engine.sqs.BrowseResult;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.ListDeadLetterSourceQueuesRequest;
import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.engine.sqs.ListQueuesResult;
import io.ferrymq.engine.sqs.MessageMoveTask;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.SendMessageResult;
import io.ferrymq.engine.sqs.StartMessageMoveTaskRequest;
import io.ferrymq.engine.time.SystemTimeSource;
import io.ferrymq.engine.time.TimeSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded engine: SQS and SNS semantics in memory, on one machine. This class wires the parts together and answers the
 * Engine SPI; {@link SqsActions} does the queue work, {@link SnsActions} the topic work.
 */
public final class LocalEngine implements Engine {
    private final TimeSource time;
    private final boolean ownsTime;
    private final ExecutorService ownedExecutor;
    private final Storage storage;
    private final RecoveryReport recovery;
    private final SqsActions sqs;
    private final SnsActions sns;
    private final CapabilityActions beyondSqs;

    private LocalEngine(Builder b) {
        ResourceNames names = new ResourceNames(b.endpoint, b.region, b.accountId);
        this.ownsTime = b.time == null;
        this.time = ownsTime ? new SystemTimeSource() : b.time;
        this.ownedExecutor = b.deliveryExecutor == null ? Executors.newCachedThreadPool(daemonThreads()) : null;
        Executor delivery = runInlineOnceClosed(b.deliveryExecutor != null ? b.deliveryExecutor : ownedExecutor);
        long started = System.nanoTime();
        JournalStorage journal = b.dataDir == null ? null
                : JournalStorage.open(b.dataDir, b.fsync, delivery, b.fileLayer);
        this.storage = journal == null ? new MemoryStorage() : journal;
        this.sqs = new SqsActions(names, time, delivery, b.inFlightLimit, storage, b.receivesWaitForLeases);
        this.sns = new SnsActions(names, time, sqs, storage);
        this.beyondSqs = new CapabilityActions(sqs);
        if (journal != null) {
            long[] found;
            long[] foundTopics;
            try {
                RecoveredState state = RecoveredState.read(journal.recovered());
                found = sqs.recover(state, journal.damagedRecords() > 0);
                foundTopics = sns.recover(state);
            } catch (RuntimeException e) {
                journal.close(); // give the directory back: the next attempt must not find it locked
                throw new IllegalStateException("FerryMQ could not recover from " + b.dataDir + ": " + e, e);
            }
            journal.recoveryDone();
            recovery = new RecoveryReport(Duration.ofNanos(System.nanoTime() - started), found[0], found[1],
                    foundTopics[0], foundTopics[1], journal.damagedRecords());
            sqs.startHousekeeping();
        } else {
            recovery = RecoveryReport.NOTHING;
        }
    }

    /** An engine with the defaults: region us-east-1, account 000000000000, endpoint http://localhost:9324. */
    public static LocalEngine create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** LocalEngine's settings. */
    public static final class Builder {
        private String endpoint = "http://localhost:9324";
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private TimeSource time;
        private Executor deliveryExecutor;
        private int inFlightLimit = 120_000;
        private boolean receivesWaitForLeases;
        private Path dataDir;
        private JournalStorage.Fsync fsync = JournalStorage.Fsync.ALWAYS;
        private UnaryOperator<SequentialFileFactory> fileLayer = UnaryOperator.identity();

        /**
         * Keeps queues and messages in a journal in this directory (created if missing), so they survive a restart;
         * without one the engine lives in memory. One engine at a time may use a directory.
         */
        public Builder dataDir(Path directory) {
            this.dataDir = directory;
            return this;
        }

        /** Wraps the journal's file layer; tests use it to make the disk fail. Not for production use. */
        public Builder journalFileLayer(UnaryOperator<SequentialFileFactory> wrap) {
            this.fileLayer = wrap;
            return this;
        }

        /** ALWAYS (the default): acknowledged once synced to disk; NEVER: once written to the OS. */
        public Builder fsync(JournalStorage.Fsync mode) {
            this.fsync = mode;
            return this;
        }

        /** The base of queue URLs, e.g. http://localhost:9324 gives http://localhost:9324/000000000000/orders. */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The clock and timer; tests pass a {@link io.ferrymq.engine.time.ManualTimeSource}. */
        public Builder timeSource(TimeSource time) {
            this.time = time;
            return this;
        }

        /** Where waiting receives are completed (so the caller's callbacks never run under a queue lock). */
        public Builder deliveryExecutor(Executor executor) {
            this.deliveryExecutor = executor;
            return this;
        }

        /** Messages in flight per queue before receives get OverLimit (SQS: about 120,000). */
        public Builder inFlightLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("inFlightLimit must be at least 1: " + limit);
            }
            this.inFlightLimit = limit;
            return this;
        }

        /**
         * Whether a receive answers only once the leases it took (each message's receive count and visibility) are
         * durable. False (the default, as Artemis's persist-delivery-count-before-delivery): a receive answers at
         * once and its lease records reach the disk with the next sync, before any delete or visibility change
         * made with its receipt handles answers. If the engine dies in between, the messages are visible again
         * after the restart with their receive count one lower: still at least once, at a sync less per receive.
         * True: that count is never lost, at the cost of waiting for a sync on every receive.
         */
        public Builder receivesWaitForLeases(boolean wait) {
            this.receivesWaitForLeases = wait;
            return this;
        }

        public LocalEngine build() {
            return new LocalEngine(this);
        }
    }

    // ---- queues ----

    @Override
    public CompletableFuture<String> createQueue(CreateQueueRequest request) {
        return sqs.createQueue(request);
    }

    @Override
    public CompletableFuture<String> getQueueUrl(String queueName, String queueOwnerAccountId) {
        return sqs.getQueueUrl(queueName, queueOwnerAccountId);
    }

    @Override
    public CompletableFuture<Void> deleteQueue(String queueUrl) {
        return sqs.deleteQueue(queueUrl);
    }

    @Override
    public CompletableFuture<ListQueuesResult> listQueues(ListQueuesRequest request) {
        return sqs.listQueues(request);
    }

    @Override
    public CompletableFuture<Map<String, String>> getQueueAttributes(String queueUrl, List<String> attributeNames) {
        return sqs.getQueueAttributes(queueUrl, attributeNames);
    }

    @Override
    public CompletableFuture<Void> setQueueAttributes(String queueUrl, Map<String, String> attributes) {
        return sqs.setQueueAttributes(queueUrl, attributes);
    }

    @Override
    public CompletableFuture<Void> purgeQueue(String queueUrl) {
        return sqs.purgeQueue(queueUrl);
    }

    @Override
    public CompletableFuture<Void> tagQueue(String queueUrl, Map<String, String> tags) {
        return sqs.tagQueue(queueUrl, tags);
    }

    @Override
    public CompletableFuture<Void> untagQueue(String queueUrl, List<String> tagKeys) {
        return sqs.untagQueue(queueUrl, tagKeys);
    }

    @Override
    public CompletableFuture<Map<String, String>> listQueueTags(String queueUrl) {
        return sqs.listQueueTags(queueUrl);
    }

    // ---- messages ----

    @Override
    public CompletableFuture<SendMessageResult> sendMessage(SendMessageRequest request) {
        return sqs.sendMessage(request);
    }

    @Override
    public CompletableFuture<BatchResult<SendMessageBatchResultEntry>> sendMessageBatch(SendMessageBatchRequest request) {
        return sqs.sendMessageBatch(request);
    }

    @Override
    public CompletableFuture<ReceiveMessageResult> receiveMessage(ReceiveMessageRequest request) {
        return sqs.receiveMessage(request);
    }

    @Override
    public CompletableFuture<Void> deleteMessage(String queueUrl, String receiptHandle) {
        return sqs.deleteMessage(queueUrl, receiptHandle);
    }

    @Override
    public CompletableFuture<BatchResult<String>> deleteMessageBatch(String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
        return sqs.deleteMessageBatch(queueUrl, entries);
    }

    @Override
    public CompletableFuture<BatchResult<String>> deleteMessageBatchUnsynced(
            String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
        return sqs.deleteMessageBatchUnsynced(queueUrl, entries);
    }

    @Override
    public CompletableFuture<Void> changeMessageVisibility(String queueUrl, String receiptHandle, int visibilityTimeout) {
        return sqs.changeMessageVisibility(queueUrl, receiptHandle, visibilityTimeout);
    }

    @Override
    public CompletableFuture<BatchResult<String>> changeMessageVisibilityBatch(String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries) {
        return sqs.changeMessageVisibilityBatch(queueUrl, entries);
    }

    // ---- dead-letter queues ----

    @Override
    public CompletableFuture<ListQueuesResult> listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest request) {
        return sqs.listDeadLetterSourceQueues(request);
    }

    @Override
    public CompletableFuture<String> startMessageMoveTask(StartMessageMoveTaskRequest request) {
        return sqs.startMessageMoveTask(request);
    }

    @Override
    public CompletableFuture<Long> cancelMessageMoveTask(String taskHandle) {
        return sqs.cancelMessageMoveTask(taskHandle);
    }

    @Override
    public CompletableFuture<List<MessageMoveTask>> listMessageMoveTasks(String sourceArn, Integer maxResults) {
        return sqs.listMessageMoveTasks(sourceArn, maxResults);
    }

    // ---- topics (SNS) ----

    @Override
    public CompletableFuture<String> createTopic(CreateTopicRequest request) {
        return sns.createTopic(request);
    }

    @Override
    public CompletableFuture<Void> deleteTopic(String topicArn) {
        return sns.deleteTopic(topicArn);
    }

    @Override
    public CompletableFuture<ListTopicsResult> listTopics(String nextToken) {
        return sns.listTopics(nextToken);
    }

    @Override
    public CompletableFuture<Map<String, String>> getTopicAttributes(String topicArn) {
        return sns.getTopicAttributes(topicArn);
    }

    @Override
    public CompletableFuture<Void> setTopicAttributes(String topicArn, String attributeName, String attributeValue) {
        return sns.setTopicAttributes(topicArn, attributeName, attributeValue);
    }

    @Override
    public CompletableFuture<String> subscribe(SubscribeRequest request) {
        return sns.subscribe(request);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String subscriptionArn) {
        return sns.unsubscribe(subscriptionArn);
    }

    @Override
    public CompletableFuture<ListSubscriptionsResult> listSubscriptions(String nextToken) {
        return sns.listSubscriptions(nextToken);
    }

    @Override
    public CompletableFuture<ListSubscriptionsResult> listSubscriptionsByTopic(String topicArn, String nextToken) {
        return sns.listSubscriptionsByTopic(topicArn, nextToken);
    }

    @Override
    public CompletableFuture<Map<String, String>> getSubscriptionAttributes(String subscriptionArn) {
        return sns.getSubscriptionAttributes(subscriptionArn);
    }

    @Override
    public CompletableFuture<Void> setSubscriptionAttributes(String subscriptionArn, String attributeName, String attributeValue) {
        return sns.setSubscriptionAttributes(subscriptionArn, attributeName, attributeValue);
    }

    @Override
    public CompletableFuture<PublishResult> publish(PublishRequest request) {
        return sns.publish(request);
    }

    @Override
    public CompletableFuture<BatchResult<PublishBatchResultEntry>> publishBatch(PublishBatchRequest request) {
        return sns.publishBatch(request);
    }

    @Override
    public CompletableFuture<Void> tagResource(String resourceArn, Map<String, String> tags) {
        return sns.tagResource(resourceArn, tags);
    }

    @Override
    public CompletableFuture<Void> untagResource(String resourceArn, List<String> tagKeys) {
        return sns.untagResource(resourceArn, tagKeys);
    }

    @Override
    public CompletableFuture<Map<String, String>> listTagsForResource(String resourceArn) {
        return sns.listTagsForResource(resourceArn);
    }

    // ---- beyond SQS ----

    /**
     * {@inheritDoc} A null filter accepts every message, as a JMS consumer without a selector. The filter sees each
     * message as this receive would deliver it (its attributes as requested, the receive count this receive would
     * give it); messages past maxReceiveCount are dead-lettered before it sees them. A waiting receive asks its
     * filter about each message once per time the message becomes available, so a filter must depend on the
     * message alone. The filter costs a walk past the visible messages it rejects.
     */
    @Override
    public CompletableFuture<ReceiveMessageResult> receiveMessage(ReceiveMessageRequest request,
                                                                  MessageFilter filter) {
        return sqs.receiveMessage(request, filter);
    }

    /**
     * {@inheritDoc} Delivery order here is arrival order: exactly the order of a FIFO group, and of a standard queue
     * (whose order is best-effort) but for messages back from a delay or a lapsed lease, which a receive takes later.
     * On a FIFO queue the page includes the messages behind a group's message in flight. A cursor stays good while
     * messages come and go, for as long as this engine runs.
     */
    @Override
    public CompletableFuture<BrowseResult> browseMessages(BrowseRequest request) {
        return beyondSqs.browseMessages(request);
    }

    /**
     * {@inheritDoc} Released messages go to the front of the line in the order given (FIFO: their group goes first
     * once nothing of it is in flight), and the receipt handles of the released receives name no lease any more.
     * Durable once the call answers. A handle that is not one of this queue's fails the call with
     * ReceiptHandleIsInvalid before anything is released.
     */
    @Override
    public CompletableFuture<Void> releaseMessages(String queueUrl, List<String> receiptHandles) {
        return beyondSqs.releaseMessages(queueUrl, receiptHandles);
    }

    // ---- engine ----

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SELECTIVE_RECEIVE, Capability.BROWSE, Capability.RELEASE);
    }

    /** What recovery found in the data directory at start (nothing for an engine in memory). */
    public RecoveryReport recovery() {
        return recovery;
    }

    @Override
    public void close() {
        sqs.close();
        storage.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownsTime) {
            time.close();
        }
    }

    // ---- internals ----

    /** After close, the few completions still under way run on the caller's thread instead of being refused. */
    private static Executor runInlineOnceClosed(Executor executor) {
        return task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException closed) {
                task.run();
            }
        };
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ferrymq-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
