package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every SQS and SNS batch action shares: 1 to 10 entries, each with a distinct well-formed id. The two
 * services name the errors alike but give them different query codes, hence the two rule sets.
 */
enum BatchRules {
    SQS(ErrorCode.EMPTY_BATCH_REQUEST, ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST, ErrorCode.INVALID_BATCH_ENTRY_ID,
            ErrorCode.BATCH_ENTRY_IDS_NOT_DISTINCT, ErrorCode.BATCH_REQUEST_TOO_LONG),
    SNS(ErrorCode.SNS_EMPTY_BATCH_REQUEST, ErrorCode.SNS_TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
            ErrorCode.SNS_INVALID_BATCH_ENTRY_ID, ErrorCode.SNS_BATCH_ENTRY_IDS_NOT_DISTINCT,
            ErrorCode.SNS_BATCH_REQUEST_TOO_LONG);

    static final int MAX_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 1_048_576;
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final ErrorCode empty;
    private final ErrorCode tooMany;
    private final ErrorCode invalidId;
    private final ErrorCode notDistinct;
    final ErrorCode tooLong;

    BatchRules(ErrorCode empty, ErrorCode tooMany, ErrorCode invalidId, ErrorCode notDistinct, ErrorCode tooLong) {
        this.empty = empty;
        this.tooMany = tooMany;
        this.invalidId = invalidId;
        this.notDistinct = notDistinct;
        this.tooLong = tooLong;
    }

    /** Checks the entry ids; {@code entryType} names the entry in SQS's errors, e.g. SendMessageBatchRequestEntry. */
    void check(List<String> ids, String entryType) {
        boolean sns = this == SNS;
        if (ids.isEmpty()) {
            throw new EngineException(empty, sns ? "The batch request doesn't contain any entries."
                    : "There should be at least one " + entryType + " in the request.");
        }
        if (ids.size() > MAX_ENTRIES) {
            throw new EngineException(tooMany, sns ? "The batch request contains more entries than permissible."
                    : "Maximum number of entries per request are " + MAX_ENTRIES + ". You have sent " + ids.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !ENTRY_ID.matcher(id).matches()) {
                throw new EngineException(invalidId, sns ? invalidSnsId(id) : "A batch entry id can only contain"
                        + " alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!seen.add(id)) {
                throw new EngineException(notDistinct, sns ? "Two or more batch entries in the request have the same Id."
                        : "Id " + id + " repeated.");
            }
        }
    }

    private static String invalidSnsId(String id) {
        return id != null && id.length() > 80 ? "The Id of a batch entry in the batch request is too long: " + id
                : "The Id of a batch entry in the batch request contains an impermissible character: " + id;
    }
}
