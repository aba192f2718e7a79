package io.ferrymq.engine.sqs;

import java.util.List;

/**
 * The outcome of a batch action: each entry either succeeded or failed on its own. For SendMessageBatch the
 * successes are {@link SendMessageBatchResultEntry}; for DeleteMessageBatch and ChangeMessageVisibilityBatch they
 * are the entry ids.
 */
public record BatchResult<S>(List<S> successful, List<BatchResultErrorEntry> failed) {
    public BatchResult {
        successful = List.copyOf(successful);
        failed = List.copyOf(failed);
    }
}
