package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules every SQS batch action shares: 1 to 10 entries, each with a distinct well-formed id. */
final class BatchRules {
    static final int MAX_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 1_048_576;
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private BatchRules() {
    }

    /** Checks the entry ids; {@code entryType} names the entry in the error, e.g. SendMessageBatchRequestEntry. */
    static void check(List<String> ids, String entryType) {
        if (ids.isEmpty()) {
            throw new EngineException(ErrorCode.EMPTY_BATCH_REQUEST,
                    "There should be at least one " + entryType + " in the request.");
        }
        if (ids.size() > MAX_ENTRIES) {
            throw new EngineException(ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
                    "Maximum number of entries per request are " + MAX_ENTRIES + ". You have sent " + ids.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !ENTRY_ID.matcher(id).matches()) {
                throw new EngineException(ErrorCode.INVALID_BATCH_ENTRY_ID, "A batch entry id can only contain"
                        + " alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!seen.add(id)) {
                throw new EngineException(ErrorCode.BATCH_ENTRY_IDS_NOT_DISTINCT, "Id " + id + " repeated.");
            }
        }
    }
}
