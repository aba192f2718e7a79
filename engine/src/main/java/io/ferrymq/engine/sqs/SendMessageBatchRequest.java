package io.ferrymq.engine.sqs;

import java.util.List;

/** SendMessageBatch: up to 10 entries with distinct ids, at most 1 MiB in all. */
public record SendMessageBatchRequest(String queueUrl, List<SendMessageBatchRequestEntry> entries) {
    public SendMessageBatchRequest {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
