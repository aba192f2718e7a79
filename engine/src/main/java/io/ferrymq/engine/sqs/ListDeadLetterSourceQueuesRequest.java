package io.ferrymq.engine.sqs;

/** ListDeadLetterSourceQueues: the queues whose RedrivePolicy names this queue as their DLQ. */
public record ListDeadLetterSourceQueuesRequest(String queueUrl, Integer maxResults, String nextToken) {
    public static ListDeadLetterSourceQueuesRequest of(String queueUrl) {
        return new ListDeadLetterSourceQueuesRequest(queueUrl, null, null);
    }
}
