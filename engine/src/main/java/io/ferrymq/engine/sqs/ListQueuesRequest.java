package io.ferrymq.engine.sqs;

/** ListQueues: an optional name prefix, MaxResults (1-1000) and the NextToken of a previous page. */
public record ListQueuesRequest(String queueNamePrefix, Integer maxResults, String nextToken) {
    public static ListQueuesRequest all() {
        return new ListQueuesRequest(null, null, null);
    }
}
