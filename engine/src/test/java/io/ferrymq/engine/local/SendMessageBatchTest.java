package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.BatchResultErrorEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SendMessageBatch on a standard queue: the rules for the whole request, and each entry succeeding on its own. */
class SendMessageBatchTest extends EngineFixture {
    private static final String BAD_ID = "A batch entry id can only contain alphanumeric characters, hyphens and"
            + " underscores. It can be at most 80 letters long.";

    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders");
    }

    @Test
    void tenEntriesAreAllStored() {
        BatchResult<SendMessageBatchResultEntry> result = sent(entries(10));

        assertThat(result.failed()).isEmpty();
        assertThat(result.successful()).extracting(SendMessageBatchResultEntry::id)
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(10);
    }

    @Test
    void aBatchWithoutEntriesIsAnEmptyBatchRequest() {
        EngineException e = refused(List.of());

        assertThat(e.errorCode()).isEqualTo(ErrorCode.EMPTY_BATCH_REQUEST);
        assertThat(e.getMessage()).isEqualTo("There should be at least one SendMessageBatchRequestEntry in the"
                + " request.");
    }

    @Test
    void elevenEntriesAreTooManyAndNoneIsStored() {
        EngineException e = refused(entries(11));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST);
        assertThat(e.getMessage()).isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
        assertNothingStored();
    }

    @Test
    void repeatedEntryIdsAreRefusedAndNoneIsStored() {
        EngineException e = refused(List.of(entry("a", "one"), entry("b", "two"), entry("a", "three")));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.BATCH_ENTRY_IDS_NOT_DISTINCT);
        assertThat(e.getMessage()).isEqualTo("Id a repeated.");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "has.period", "slash/", "\u00E9t\u00E9", "",
            "x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789y"})
    void anEntryIdWithOtherCharactersOrOver80LongIsRefused(String id) {
        EngineException e = refused(List.of(entry("good", "one"), entry(id, "two")));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_BATCH_ENTRY_ID);
        assertThat(e.getMessage()).isEqualTo(BAD_ID);
        assertNothingStored();
    }

    @Test
    void anEntryIdOf80AlphanumericsHyphensAndUnderscoresIsAccepted() {
        String id = "Ab-_9".repeat(16);

        assertThat(sent(List.of(entry(id, "one"))).successful()).extracting(SendMessageBatchResultEntry::id)
                .containsExactly(id);
    }

    @Test
    void aBatchOfExactly1MiBIsAccepted() {
        BatchResult<SendMessageBatchResultEntry> result = sent(List.of(
                entry("a", "x".repeat(524_288)), entry("b", "y".repeat(524_288))));

        assertThat(result.successful()).hasSize(2);
    }

    @Test
    void aBatchOverOneMiBCountingBodiesAndAttributesIsTooLongAndNothingIsStored() {
        // attribute "key" (3) + "String" (6) + "value" (5) = 14 bytes
        SendMessageBatchRequestEntry withAttribute = new SendMessageBatchRequestEntry("b", "y".repeat(524_275),
                null, Map.of("key", MessageAttributeValue.string("value")), null, null, null);

        EngineException e = refused(List.of(entry("a", "x".repeat(524_288)), withAttribute));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.BATCH_REQUEST_TOO_LONG);
        assertThat(e.getMessage()).isEqualTo("Batch requests cannot be longer than 1048576 bytes. You have sent"
                + " 1048577 bytes.");
        assertNothingStored();
    }

    @Test
    void aBadEntryFailsOnItsOwnWhileTheOthersAreStored() {
        BatchResult<SendMessageBatchResultEntry> result = sent(List.of(
                entry("ok1", "first"), entry("bad", "nul\u0000"), entry("ok2", "second")));

        assertThat(result.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("ok1", "ok2");
        assertThat(result.failed()).containsExactly(new BatchResultErrorEntry("bad", true, "InvalidMessageContents",
                "Invalid binary character '#x0' was found in the message body, the set of allowed characters is #x9"
                        + " | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]."));
        assertThat(receive(queue, 10)).extracting(Message::body).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void anEntryWithoutABodyFailsAsAMissingParameterNamedByItsPosition() {
        BatchResult<SendMessageBatchResultEntry> result = sent(List.of(entry("ok", "first"), entry("empty", "")));

        assertThat(result.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("ok");
        assertThat(result.failed()).containsExactly(new BatchResultErrorEntry("empty", true, "MissingParameter",
                "The request must contain the parameter SendMessageBatchRequestEntry.2.MessageBody."));
    }

    @Test
    void anEntryOverTheQueuesMaximumMessageSizeFailsOnItsOwn() {
        queue = createQueue("small", Map.of("MaximumMessageSize", "1024"));

        BatchResult<SendMessageBatchResultEntry> result = sent(List.of(
                entry("big", "x".repeat(1025)), entry("fits", "x".repeat(1024))));

        assertThat(result.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("fits");
        assertThat(result.failed()).containsExactly(new BatchResultErrorEntry("big", true, "InvalidParameterValue",
                "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes."));
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    @Test
    void anEntryWithAnOutOfRangeDelayFailsOnItsOwn() {
        SendMessageBatchRequestEntry delayed = new SendMessageBatchRequestEntry("late", "body", 901, null, null,
                null, null);

        BatchResult<SendMessageBatchResultEntry> result = sent(List.of(delayed, entry("now", "body")));

        assertThat(result.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("now");
        assertThat(result.failed()).containsExactly(new BatchResultErrorEntry("late", true, "InvalidParameterValue",
                "Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900."));
    }

    @Test
    void eachSuccessfulEntryCarriesTheDigestsOfItsOwnBodyAndAttributes() {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "n", MessageAttributeValue.number(7), "b", MessageAttributeValue.binary(new byte[] {1, 2}));
        SendMessageBatchRequestEntry withAttributes = new SendMessageBatchRequestEntry("attrs", "second", null,
                attributes, null, null, null);

        List<SendMessageBatchResultEntry> ok = sent(List.of(entry("plain", "first"), withAttributes)).successful();

        assertThat(ok.get(0).md5OfMessageBody()).isEqualTo(ExpectedDigests.md5OfBody("first"));
        assertThat(ok.get(0).md5OfMessageAttributes()).isNull();
        assertThat(ok.get(1).md5OfMessageBody()).isEqualTo(ExpectedDigests.md5OfBody("second"));
        assertThat(ok.get(1).md5OfMessageAttributes()).isEqualTo(ExpectedDigests.md5OfAttributes(attributes));
        assertThat(ok.get(0).messageId()).isNotEqualTo(ok.get(1).messageId());
    }

    // ---- helpers ----

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.of(id, body);
    }

    private static List<SendMessageBatchRequestEntry> entries(int count) {
        List<SendMessageBatchRequestEntry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(entry("e" + i, "body " + i));
        }
        return out;
    }

    private BatchResult<SendMessageBatchResultEntry> sent(List<SendMessageBatchRequestEntry> entries) {
        return await(engine.sendMessageBatch(new SendMessageBatchRequest(queue, entries)));
    }

    private EngineException refused(List<SendMessageBatchRequestEntry> entries) {
        return failure(engine.sendMessageBatch(new SendMessageBatchRequest(queue, entries)));
    }

    private void assertNothingStored() {
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
    }
}
