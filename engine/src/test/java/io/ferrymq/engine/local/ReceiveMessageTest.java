package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** ReceiveMessage on a standard queue: limits, leases, attribute selection, retention and the in-flight cap. */
class ReceiveMessageTest extends EngineFixture {
    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "foo.a", MessageAttributeValue.string("A"),
            "foo.b", MessageAttributeValue.number(2),
            "food", MessageAttributeValue.string("pizza"),
            "bar", MessageAttributeValue.binary(new byte[] {9, 8}));

    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders");
    }

    // ---- parameters ----

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 11})
    void maxNumberOfMessagesMustBeBetween1And10(int max) {
        assertInvalidParameter(refused(request().withMaxNumberOfMessages(max)),
                "Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10,"
                        + " if provided.");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 43_201})
    void visibilityTimeoutMustBeBetween0And43200(int seconds) {
        assertInvalidParameter(refused(request().withVisibilityTimeout(seconds)),
                "Value " + seconds + " for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200,"
                        + " if provided.");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 21})
    void waitTimeSecondsMustBeBetween0And20(int seconds) {
        assertInvalidParameter(refused(request().withWaitTimeSeconds(seconds)),
                "Value " + seconds + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20,"
                        + " if provided.");
    }

    @Test
    void aReceiveReturnsOneMessageWhenMaxNumberOfMessagesIsNotGiven() {
        sendAll(3);

        assertThat(received(request())).hasSize(1);
    }

    @Test
    void aReceiveReturnsAtMostMaxNumberOfMessagesEachOnlyOnce() {
        sendAll(5);

        List<Message> first = received(request().withMaxNumberOfMessages(3));
        List<Message> rest = received(request().withMaxNumberOfMessages(10));

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        assertThat(bodies(first, rest)).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void theQueuesReceiveMessageWaitTimeSecondsAppliesWhenTheReceiveGivesNone() {
        queue = createQueue("waiting", Map.of("ReceiveMessageWaitTimeSeconds", "10"));

        CompletableFuture<ReceiveMessageResult> waiting = engine.receiveMessage(request());

        clock.advanceSeconds(9);
        assertThat(waiting).isNotDone();
        clock.advanceSeconds(1);
        assertThat(await(waiting).messages()).isEmpty();
    }

    @Test
    void anExplicitWaitTimeOfZeroOverridesTheQueuesDefault() {
        queue = createQueue("waiting", Map.of("ReceiveMessageWaitTimeSeconds", "20"));

        assertThat(received(request().withWaitTimeSeconds(0))).as("answered without the clock moving").isEmpty();
    }

    // ---- leases ----

    @Test
    void aReceivedMessageIsInvisibleUntilItsVisibilityTimeoutPassesThenReceivableAgain() {
        String id = send(queue, "job");

        receiveOne(queue);
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
        clock.advanceSeconds(29);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);

        assertThat(receiveOne(queue).messageId()).isEqualTo(id);
    }

    @Test
    void aVisibilityTimeoutGivenWithTheReceiveOverridesTheQueues() {
        send(queue, "job");

        received(request().withVisibilityTimeout(5));
        clock.advanceSeconds(4);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);

        assertThat(receiveOne(queue).body()).isEqualTo("job");
    }

    @Test
    void eachReceiveGivesAFreshReceiptHandle() {
        send(queue, "job");

        String first = received(request().withVisibilityTimeout(1)).get(0).receiptHandle();
        clock.advanceSeconds(1);
        String second = received(request()).get(0).receiptHandle();

        assertThat(second).isNotEqualTo(first);
    }

    // ---- message attribute selection ----

    @Test
    void withoutAttributeNamesNoMessageAttributesAndNoDigestAreReturned() {
        sendWithAttributes();

        Message got = received(request()).get(0);

        assertThat(got.messageAttributes()).isEmpty();
        assertThat(got.md5OfMessageAttributes()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"All", ".*"})
    void allOrDotStarReturnsEveryAttributeWithTheDigestOfAll(String selector) {
        sendWithAttributes();

        Message got = received(request().withMessageAttributeNames(selector)).get(0);

        assertThat(got.messageAttributes()).isEqualTo(ATTRIBUTES);
        assertThat(got.md5OfMessageAttributes()).isEqualTo(ExpectedDigests.md5OfAttributes(ATTRIBUTES));
    }

    @Test
    void exactNamesReturnThoseAttributesWithTheDigestOfTheSubset() {
        sendWithAttributes();

        Message got = received(request().withMessageAttributeNames("bar", "food", "missing")).get(0);

        assertThat(got.messageAttributes()).containsOnlyKeys("bar", "food");
        assertThat(got.md5OfMessageAttributes()).isEqualTo(ExpectedDigests.md5OfAttributes(
                Map.of("bar", ATTRIBUTES.get("bar"), "food", ATTRIBUTES.get("food"))));
    }

    @Test
    void aPrefixSelectsTheAttributesUnderItWithTheDigestOfTheSubset() {
        sendWithAttributes();

        Message got = received(request().withMessageAttributeNames("foo.*")).get(0);

        assertThat(got.messageAttributes()).containsOnlyKeys("foo.a", "foo.b");
        assertThat(got.md5OfMessageAttributes()).isEqualTo(ExpectedDigests.md5OfAttributes(
                Map.of("foo.a", ATTRIBUTES.get("foo.a"), "foo.b", ATTRIBUTES.get("foo.b"))));
    }

    @Test
    void namesThatMatchNothingReturnNoAttributesAndNoDigest() {
        sendWithAttributes();

        Message got = received(request().withMessageAttributeNames("missing", "other.*")).get(0);

        assertThat(got.messageAttributes()).isEmpty();
        assertThat(got.md5OfMessageAttributes()).isNull();
    }

    // ---- system attribute selection ----

    @Test
    void withoutSystemAttributeNamesNoSystemAttributesAreReturned() {
        send(queue, "job");

        assertThat(received(request()).get(0).attributes()).isEmpty();
    }

    @Test
    void allReturnsTheSenderTimestampsAndReceiveCount() {
        send(queue, "job");

        assertThat(received(request().withMessageSystemAttributeNames("All")).get(0).attributes()).containsOnlyKeys(
                "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp");
    }

    @Test
    void aSpecificNameReturnsOnlyThatAttribute() {
        long sentAt = clock.millis();
        send(queue, "job");
        clock.advanceSeconds(5);

        Message got = received(request().withMessageSystemAttributeNames("SentTimestamp")).get(0);

        assertThat(got.attributes()).containsExactly(Map.entry("SentTimestamp", Long.toString(sentAt)));
    }

    @Test
    void senderIdIsTheSendersAccount() {
        send(queue, "job");

        assertThat(received(request().withMessageSystemAttributeNames("SenderId")).get(0).attributes())
                .containsExactly(Map.entry("SenderId", "000000000000"));
    }

    @Test
    void approximateReceiveCountGrowsWithEachReceive() {
        send(queue, "job");

        for (int expected = 1; expected <= 3; expected++) {
            assertThat(receiveOne(queue).receiveCount()).isEqualTo(expected);
            clock.advanceSeconds(30);
        }
    }

    @Test
    void approximateFirstReceiveTimestampIsFixedAtTheFirstReceive() {
        send(queue, "job");
        clock.advanceSeconds(10);
        long firstReceiveAt = clock.millis();

        assertThat(firstReceiveTimestamp(receiveOne(queue))).isEqualTo(firstReceiveAt);
        clock.advanceSeconds(30);
        assertThat(firstReceiveTimestamp(receiveOne(queue))).isEqualTo(firstReceiveAt);
    }

    // ---- retention ----

    @Test
    void aMessageIsGoneOnceItsRetentionPeriodPasses() {
        queue = createQueue("short", Map.of("MessageRetentionPeriod", "60"));
        send(queue, "old");

        clock.advanceSeconds(59);
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
        clock.advanceSeconds(1);

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(receive(queue, 10)).isEmpty();
    }

    @Test
    void anInFlightMessageIsGoneOnceItsRetentionPeriodPasses() {
        queue = createQueue("short", Map.of("MessageRetentionPeriod", "60", "VisibilityTimeout", "300"));
        send(queue, "old");
        receiveOne(queue);

        clock.advanceSeconds(60);
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        clock.advanceSeconds(300);

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(receive(queue, 10)).isEmpty();
    }

    // ---- in-flight cap ----

    @Test
    void aReceiveTakesNoMoreThanTheInFlightCap() {
        restartWithInFlightLimit(3);
        sendAll(4);

        assertThat(receive(queue, 10)).hasSize(3);
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    @Test
    void aShortPollAtTheInFlightCapIsOverLimit() {
        restartWithInFlightLimit(3);
        sendAll(4);
        receive(queue, 3);

        EngineException e = refused(request());

        assertThat(e.errorCode()).isEqualTo(ErrorCode.OVER_LIMIT);
        assertThat(e.errorCode().httpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Too many messages have been received without being deleted.\n"
                + "Please delete your received messages or let them timeout before receiving more.");
    }

    @Test
    void aLongPollAtTheInFlightCapReturnsEmptyAtItsDeadline() {
        restartWithInFlightLimit(3);
        sendAll(4);
        receive(queue, 3);

        CompletableFuture<ReceiveMessageResult> waiting = engine.receiveMessage(request().withWaitTimeSeconds(5));
        clock.advanceSeconds(4);
        assertThat(waiting).isNotDone();
        clock.advanceSeconds(1);

        assertThat(await(waiting).messages()).isEmpty();
    }

    @Test
    void deletingAnInFlightMessageFreesASlotUnderTheCap() {
        restartWithInFlightLimit(3);
        sendAll(4);
        List<Message> leased = receive(queue, 3);

        await(engine.deleteMessage(queue, leased.get(0).receiptHandle()));

        Message fourth = receiveOne(queue);
        assertThat(leased).extracting(Message::messageId).doesNotContain(fourth.messageId());
    }

    // ---- helpers ----

    private ReceiveMessageRequest request() {
        return ReceiveMessageRequest.of(queue);
    }

    private List<Message> received(ReceiveMessageRequest request) {
        return await(engine.receiveMessage(request)).messages();
    }

    private EngineException refused(ReceiveMessageRequest request) {
        return failure(engine.receiveMessage(request));
    }

    private void sendAll(int count) {
        for (int i = 0; i < count; i++) {
            send(queue, "m" + i);
        }
    }

    private void sendWithAttributes() {
        await(engine.sendMessage(SendMessageRequest.of(queue, "with attributes").withMessageAttributes(ATTRIBUTES)));
    }

    private void restartWithInFlightLimit(int limit) {
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).inFlightLimit(limit).build();
        queue = createQueue("orders");
    }

    private static long firstReceiveTimestamp(Message m) {
        return Long.parseLong(m.attributes().get("ApproximateFirstReceiveTimestamp"));
    }

    @SafeVarargs
    private static List<String> bodies(List<Message>... batches) {
        return Arrays.stream(batches).flatMap(List::stream).map(Message::body).toList();
    }

    private static void assertInvalidParameter(EngineException e, String message) {
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
