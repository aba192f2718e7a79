package io.ferrymq.engine.sns;

import java.util.List;

/** PublishBatch: up to 10 entries with distinct ids, at most 256 KiB in all. */
public record PublishBatchRequest(String topicArn, List<PublishBatchRequestEntry> entries) {
    public PublishBatchRequest {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
