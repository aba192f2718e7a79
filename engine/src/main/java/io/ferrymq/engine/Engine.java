package io.ferrymq.engine;

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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one seam: every adapter talks to a broker through this interface and nothing else. It is shaped after the SQS
 * and SNS actions (same names, parameters, limits and error codes) so that it maps one-to-one onto the AWS SDK and the wire
 * APIs. Every action completes asynchronously: a long-poll receive when a message arrives, a durable send when its
 * record is on disk. A failed action completes exceptionally with an {@link EngineException} and changes nothing.
 */
public interface Engine extends AutoCloseable {

    // ---- queues ----

    /** CreateQueue; returns the queue URL. Idempotent when the attributes given equal the existing queue's. */
    CompletableFuture<String> createQueue(CreateQueueRequest request);

    /** GetQueueUrl; {@code queueOwnerAccountId} may be null for the engine's own account. */
    CompletableFuture<String> getQueueUrl(String queueName, String queueOwnerAccountId);

    default CompletableFuture<String> getQueueUrl(String queueName) {
        return getQueueUrl(queueName, null);
    }

    CompletableFuture<Void> deleteQueue(String queueUrl);

    CompletableFuture<ListQueuesResult> listQueues(ListQueuesRequest request);

    /** GetQueueAttributes for the names given ({@code All} for every attribute). */
    CompletableFuture<Map<String, String>> getQueueAttributes(String queueUrl, List<String> attributeNames);

    CompletableFuture<Void> setQueueAttributes(String queueUrl, Map<String, String> attributes);

    /** PurgeQueue: deletes every message; at most once per 60 seconds per queue. */
    CompletableFuture<Void> purgeQueue(String queueUrl);

    CompletableFuture<Void> tagQueue(String queueUrl, Map<String, String> tags);

    CompletableFuture<Void> untagQueue(String queueUrl, List<String> tagKeys);

    CompletableFuture<Map<String, String>> listQueueTags(String queueUrl);

    // ---- messages ----

    CompletableFuture<SendMessageResult> sendMessage(SendMessageRequest request);

    CompletableFuture<BatchResult<SendMessageBatchResultEntry>> sendMessageBatch(SendMessageBatchRequest request);

    /**
     * ReceiveMessage; with a wait time it completes as soon as a message is available, or empty at the deadline.
     * Cancelling the returned future withdraws a waiting receive: a cancelled receive leases no message.
     */
    CompletableFuture<ReceiveMessageResult> receiveMessage(ReceiveMessageRequest request);

    CompletableFuture<Void> deleteMessage(String queueUrl, String receiptHandle);

    /** DeleteMessageBatch; the successes are the entry ids. */
    CompletableFuture<BatchResult<String>> deleteMessageBatch(String queueUrl,
                                                               List<DeleteMessageBatchRequestEntry> entries);

    /**
     * DeleteMessageBatch for a caller that does not wait for the deletes to be durable, as a broker acknowledges a
     * message without a sync of its own: a durable engine may answer once they are written, and they reach the disk
     * with its next sync. If it dies first, the messages come back (at least once). By default, and on SQS, the
     * same as {@link #deleteMessageBatch}.
     */
    default CompletableFuture<BatchResult<String>> deleteMessageBatchUnsynced(
            String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
        return deleteMessageBatch(queueUrl, entries);
    }

    CompletableFuture<Void> changeMessageVisibility(String queueUrl, String receiptHandle, int visibilityTimeout);

    /** ChangeMessageVisibilityBatch; the successes are the entry ids. */
    CompletableFuture<BatchResult<String>> changeMessageVisibilityBatch(
            String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries);

    // ---- dead-letter queues ----

    CompletableFuture<ListQueuesResult> listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest request);

    /** StartMessageMoveTask; returns the task handle. */
    CompletableFuture<String> startMessageMoveTask(StartMessageMoveTaskRequest request);

    /** CancelMessageMoveTask; returns the approximate number of messages moved so far. */
    CompletableFuture<Long> cancelMessageMoveTask(String taskHandle);

    /** ListMessageMoveTasks: the most recent tasks of a source queue, newest first ({@code maxResults} 1-10, default 1). */
    CompletableFuture<List<MessageMoveTask>> listMessageMoveTasks(String sourceArn, Integer maxResults);

    // ---- topics (SNS) ----

    /** CreateTopic; returns the topic ARN. Idempotent when the attributes given equal the existing topic's. */
    CompletableFuture<String> createTopic(CreateTopicRequest request);

    /** DeleteTopic, with its subscriptions. Deleting a topic that does not exist succeeds, as in SNS. */
    CompletableFuture<Void> deleteTopic(String topicArn);

    /** ListTopics, 100 a page. */
    CompletableFuture<ListTopicsResult> listTopics(String nextToken);

    CompletableFuture<Map<String, String>> getTopicAttributes(String topicArn);

    CompletableFuture<Void> setTopicAttributes(String topicArn, String attributeName, String attributeValue);

    /** Subscribe; returns the subscription ARN. SQS subscriptions are confirmed at once. */
    CompletableFuture<String> subscribe(SubscribeRequest request);

    CompletableFuture<Void> unsubscribe(String subscriptionArn);

    /** ListSubscriptions, 100 a page. */
    CompletableFuture<ListSubscriptionsResult> listSubscriptions(String nextToken);

    /** ListSubscriptionsByTopic, 100 a page. */
    CompletableFuture<ListSubscriptionsResult> listSubscriptionsByTopic(String topicArn, String nextToken);

    CompletableFuture<Map<String, String>> getSubscriptionAttributes(String subscriptionArn);

    CompletableFuture<Void> setSubscriptionAttributes(String subscriptionArn, String attributeName,
                                                      String attributeValue);

    /** Publish: the message reaches every subscription whose filter policy matches it. */
    CompletableFuture<PublishResult> publish(PublishRequest request);

    CompletableFuture<BatchResult<PublishBatchResultEntry>> publishBatch(PublishBatchRequest request);

    /** TagResource for a topic ARN. */
    CompletableFuture<Void> tagResource(String resourceArn, Map<String, String> tags);

    CompletableFuture<Void> untagResource(String resourceArn, List<String> tagKeys);

    CompletableFuture<Map<String, String>> listTagsForResource(String resourceArn);

    // ---- beyond SQS ----

    /** What this engine offers beyond the SQS actions. */
    Set<Capability> capabilities();

    /**
     * {@link Capability#SELECTIVE_RECEIVE}: ReceiveMessage that leases only messages {@code filter} accepts. Messages it
     * rejects keep their receive count, visibility and place; a long poll waits for an accepted message. On a FIFO
     * queue only the first message of each available group is a candidate, so a rejected head holds its group back
     * from this receive, as it would from any consumer.
     */
    default CompletableFuture<ReceiveMessageResult> receiveMessage(ReceiveMessageRequest request,
                                                                   MessageFilter filter) {
        return unsupported(Capability.SELECTIVE_RECEIVE);
    }

    /** {@link Capability#BROWSE}: visible messages in delivery order, without leasing them or counting a receive. */
    default CompletableFuture<BrowseResult> browseMessages(BrowseRequest request) {
        return unsupported(Capability.BROWSE);
    }

    /**
     * {@link Capability#RELEASE}: hands leased messages back as if the receive that leased them had not happened:
     * visible at once, receive count and first-receive time as before. Handles whose lease has already lapsed, or
     * that were released or deleted, are skipped. Without this capability, ChangeMessageVisibility to 0 is the
     * nearest thing, and it counts the receive.
     */
    default CompletableFuture<Void> releaseMessages(String queueUrl, List<String> receiptHandles) {
        return unsupported(Capability.RELEASE);
    }

    private static <T> CompletableFuture<T> unsupported(Capability capability) {
        return CompletableFuture.failedFuture(new EngineException(ErrorCode.UNSUPPORTED_OPERATION,
                "This engine does not offer " + capability + "."));
    }

    /** Stops the engine; pending long polls complete empty. */
    @Override
    void close();
}
