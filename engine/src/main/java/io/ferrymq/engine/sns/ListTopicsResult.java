package io.ferrymq.engine.sns;

import java.util.List;

/** A page of topic ARNs (up to 100); nextToken is null on the last page. */
public record ListTopicsResult(List<String> topicArns, String nextToken) {
    public ListTopicsResult {
        topicArns = List.copyOf(topicArns);
    }
}
