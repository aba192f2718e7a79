package io.ferrymq.engine.sqs;

import java.util.List;

/** A page of queue URLs; nextToken is null on the last page. */
public record ListQueuesResult(List<String> queueUrls, String nextToken) {
    public ListQueuesResult {
        queueUrls = List.copyOf(queueUrls);
    }
}
