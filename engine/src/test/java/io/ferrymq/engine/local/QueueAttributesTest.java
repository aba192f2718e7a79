package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** GetQueueAttributes and SetQueueAttributes (and the attributes CreateQueue takes), as SQS specifies them. */
class QueueAttributesTest extends EngineFixture {
    private static final long START_SECONDS = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    /** Every settable integer attribute with SQS's inclusive range. */
    private static final Map<String, int[]> RANGES = Map.of(
            "VisibilityTimeout", new int[]{0, 43_200},
            "MaximumMessageSize", new int[]{1024, 1_048_576},
            "MessageRetentionPeriod", new int[]{60, 1_209_600},
            "DelaySeconds", new int[]{0, 900},
            "ReceiveMessageWaitTimeSeconds", new int[]{0, 20},
            "KmsDataKeyReusePeriodSeconds", new int[]{60, 86_400});

    static Stream<Arguments> boundaryValues() {
        return RANGES.entrySet().stream().flatMap(r -> Stream.of(
                arguments(r.getKey(), Integer.toString(r.getValue()[0])),
                arguments(r.getKey(), Integer.toString(r.getValue()[1]))));
    }

    static Stream<Arguments> invalidValues() {
        return RANGES.entrySet().stream().flatMap(r -> {
            int min = r.getValue()[0];
            int max = r.getValue()[1];
            return Stream.of(Integer.toString(min - 1), Integer.toString(max + 1), "", " " + max, max + ".0", "1.5",
                    "true", "ten").map(value -> arguments(r.getKey(), value));
        });
    }

    private CompletableFuture<Void> set(String queueUrl, Map<String, String> attributes) {
        return engine.setQueueAttributes(queueUrl, attributes);
    }

    private String createFifoQueue(String name) {
        return createQueue(name, Map.of("FifoQueue", "true"));
    }

    @Nested
    class Defaults {

        @Test
        void aNewStandardQueueHasExactlyTheSqsDefaults() {
            String url = createQueue("orders");

            assertThat(attributes(url)).isEqualTo(Map.ofEntries(
                    Map.entry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:orders"),
                    Map.entry("VisibilityTimeout", "30"),
                    Map.entry("MaximumMessageSize", "1048576"),
                    Map.entry("MessageRetentionPeriod", "345600"),
                    Map.entry("DelaySeconds", "0"),
                    Map.entry("ReceiveMessageWaitTimeSeconds", "0"),
                    Map.entry("SqsManagedSseEnabled", "true"),
                    Map.entry("ApproximateNumberOfMessages", "0"),
                    Map.entry("ApproximateNumberOfMessagesNotVisible", "0"),
                    Map.entry("ApproximateNumberOfMessagesDelayed", "0"),
                    Map.entry("CreatedTimestamp", Long.toString(START_SECONDS)),
                    Map.entry("LastModifiedTimestamp", Long.toString(START_SECONDS))));
        }

        @Test
        void aNewFifoQueueAlsoHasTheFifoDefaults() {
            Map<String, String> standard = attributes(createQueue("orders"));

            Map<String, String> fifo = attributes(createFifoQueue("orders.fifo"));

            assertThat(fifo).hasSize(standard.size() + 4)
                    .containsEntry("FifoQueue", "true")
                    .containsEntry("ContentBasedDeduplication", "false")
                    .containsEntry("DeduplicationScope", "queue")
                    .containsEntry("FifoThroughputLimit", "perQueue")
                    .containsEntry("VisibilityTimeout", "30")
                    .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:orders.fifo");
        }

        @Test
        void timestampsAreEpochSecondsOfTheEngineClock() {
            clock.advance(Duration.ofMillis(90_700));

            Map<String, String> attributes = attributes(createQueue("orders"));

            assertThat(attributes).containsEntry("CreatedTimestamp", Long.toString(START_SECONDS + 90))
                    .containsEntry("LastModifiedTimestamp", Long.toString(START_SECONDS + 90));
        }
    }

    @Nested
    class GetQueueAttributes {

        @Test
        void returnsOnlyTheRequestedAttributes() {
            String url = createQueue("orders", Map.of("VisibilityTimeout", "45"));

            assertThat(await(engine.getQueueAttributes(url, List.of("VisibilityTimeout", "QueueArn"))))
                    .isEqualTo(Map.of("VisibilityTimeout", "45",
                            "QueueArn", "arn:aws:sqs:us-east-1:000000000000:orders"));
        }

        @Test
        void returnsNothingWhenNoAttributeIsRequested() {
            String url = createQueue("orders");

            assertThat(await(engine.getQueueAttributes(url, List.of()))).isEmpty();
        }

        @Test
        void leavesOutRequestedAttributesTheQueueDoesNotHave() {
            String url = createQueue("orders");

            assertThat(await(engine.getQueueAttributes(url, List.of("RedrivePolicy", "Policy", "DelaySeconds"))))
                    .isEqualTo(Map.of("DelaySeconds", "0"));
        }

        @Test
        void refusesAnUnknownAttributeName() {
            String url = createQueue("orders");

            assertFails(engine.getQueueAttributes(url, List.of("DelaySeconds", "Colour")),
                    ErrorCode.INVALID_ATTRIBUTE_NAME, "Unknown Attribute Colour.");
        }
    }

    @Nested
    class SetQueueAttributes {

        @ParameterizedTest(name = "{0}={1}")
        @MethodSource("io.ferrymq.engine.local.QueueAttributesTest#boundaryValues")
        void acceptsTheMinimumAndMaximumOfEachRange(String name, String value) {
            String url = createQueue("orders");

            await(set(url, Map.of(name, value)));

            assertThat(attributes(url)).containsEntry(name, value);
        }

        @ParameterizedTest(name = "{0}={1}")
        @MethodSource("io.ferrymq.engine.local.QueueAttributesTest#boundaryValues")
        void createQueueAcceptsTheMinimumAndMaximumOfEachRange(String name, String value) {
            assertThat(attributes(createQueue("orders", Map.of(name, value)))).containsEntry(name, value);
        }

        @ParameterizedTest(name = "{0}=\"{1}\"")
        @MethodSource("io.ferrymq.engine.local.QueueAttributesTest#invalidValues")
        void refusesValuesOutOfRangeOrNotIntegersAndLeavesTheQueueUnchanged(String name, String value) {
            String url = createQueue("orders");
            Map<String, String> before = attributes(url);
            clock.advanceSeconds(5);

            assertFails(set(url, Map.of(name, value)), ErrorCode.INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter " + name + ".");
            assertThat(attributes(url)).isEqualTo(before);
        }

        @ParameterizedTest(name = "{0}=\"{1}\"")
        @MethodSource("io.ferrymq.engine.local.QueueAttributesTest#invalidValues")
        void createQueueRefusesValuesOutOfRangeOrNotIntegers(String name, String value) {
            assertFails(engine.createQueue(CreateQueueRequest.of("orders", Map.of(name, value))),
                    ErrorCode.INVALID_ATTRIBUTE_VALUE, "Invalid value for the parameter " + name + ".");
            assertThat(failure(engine.getQueueUrl("orders")).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
        }

        @Test
        void appliesNothingWhenOneOfTheAttributesIsInvalid() {
            String url = createQueue("orders");

            failure(set(url, Map.of("VisibilityTimeout", "60", "DelaySeconds", "901")));

            assertThat(attribute(url, "VisibilityTimeout")).isEqualTo(30);
        }

        @Test
        void updatesLastModifiedTimestampButNotCreatedTimestamp() {
            String url = createQueue("orders");
            clock.advanceSeconds(125);

            await(set(url, Map.of("DelaySeconds", "10")));

            assertThat(attributes(url)).containsEntry("DelaySeconds", "10")
                    .containsEntry("CreatedTimestamp", Long.toString(START_SECONDS))
                    .containsEntry("LastModifiedTimestamp", Long.toString(START_SECONDS + 125));
        }

        @Test
        void refusesContentBasedDeduplicationOnAStandardQueueAsUnknown() {
            String url = createQueue("orders");

            assertFails(set(url, Map.of("ContentBasedDeduplication", "true")), ErrorCode.INVALID_ATTRIBUTE_NAME,
                    "Unknown Attribute ContentBasedDeduplication.");
            assertFails(engine.createQueue(CreateQueueRequest.of("other", Map.of("ContentBasedDeduplication", "true"))),
                    ErrorCode.INVALID_ATTRIBUTE_NAME, "Unknown Attribute ContentBasedDeduplication.");
        }

        @ParameterizedTest
        @CsvSource({"DeduplicationScope, queue", "FifoThroughputLimit, perQueue"})
        void refusesFifoOnlyAttributesOnAStandardQueue(String name, String value) {
            String url = createQueue("orders");
            String message = "You can specify the " + name + " only when FifoQueue is set to true.";

            assertFails(set(url, Map.of(name, value)), ErrorCode.INVALID_ATTRIBUTE_NAME, message);
            assertFails(engine.createQueue(CreateQueueRequest.of("other", Map.of(name, value))),
                    ErrorCode.INVALID_ATTRIBUTE_NAME, message);
            assertThat(attributes(url)).doesNotContainKey(name);
        }

        @Test
        void acceptsTheFifoAttributesOnAFifoQueue() {
            String url = createFifoQueue("orders.fifo");

            await(set(url, Map.of("ContentBasedDeduplication", "true", "DeduplicationScope", "messageGroup",
                    "FifoThroughputLimit", "perMessageGroupId")));

            assertThat(attributes(url)).containsEntry("ContentBasedDeduplication", "true")
                    .containsEntry("DeduplicationScope", "messageGroup")
                    .containsEntry("FifoThroughputLimit", "perMessageGroupId");
        }

        @Test
        void refusesFifoQueueOnAStandardQueueAsUnknown() {
            String url = createQueue("orders");

            assertFails(set(url, Map.of("FifoQueue", "true")), ErrorCode.INVALID_ATTRIBUTE_NAME,
                    "Unknown Attribute FifoQueue.");
        }

        @Test
        void refusesToChangeTheTypeOfAFifoQueue() {
            String url = createFifoQueue("orders.fifo");

            assertFails(set(url, Map.of("FifoQueue", "false")), ErrorCode.INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.");
            assertThat(attributes(url)).containsEntry("FifoQueue", "true");
        }

        @Test
        void refusesAnUnknownAttributeName() {
            String url = createQueue("orders");

            assertFails(set(url, Map.of("Colour", "blue")), ErrorCode.INVALID_ATTRIBUTE_NAME,
                    "Unknown Attribute Colour.");
        }

        @Test
        void refusesKmsMasterKeyIdTogetherWithSqsManagedSse() {
            String url = createQueue("orders");
            String message = "You can use one type of server-side encryption (SSE) at one time. You can either"
                    + " enable KMS SSE or SQS SSE.";
            Map<String, String> both = Map.of("KmsMasterKeyId", "alias/aws/sqs", "SqsManagedSseEnabled", "true");

            assertFails(set(url, both), ErrorCode.INVALID_ATTRIBUTE_NAME, message);
            assertFails(engine.createQueue(CreateQueueRequest.of("other", both)), ErrorCode.INVALID_ATTRIBUTE_NAME,
                    message);
            assertThat(attributes(url)).containsEntry("SqsManagedSseEnabled", "true")
                    .doesNotContainKey("KmsMasterKeyId");
        }
    }

    @Nested
    class MessageCounters {

        private Map<String, Integer> counters(String url) {
            return Map.of("visible", attribute(url, "ApproximateNumberOfMessages"),
                    "notVisible", attribute(url, "ApproximateNumberOfMessagesNotVisible"),
                    "delayed", attribute(url, "ApproximateNumberOfMessagesDelayed"));
        }

        private Map<String, Integer> counts(int visible, int notVisible, int delayed) {
            return Map.of("visible", visible, "notVisible", notVisible, "delayed", delayed);
        }

        @Test
        void countASentMessageAsVisible() {
            String url = createQueue("orders");
            send(url, "one");
            send(url, "two");

            assertThat(counters(url)).isEqualTo(counts(2, 0, 0));
        }

        @Test
        void countAReceivedMessageAsNotVisibleUntilItsVisibilityTimeoutEnds() {
            String url = createQueue("orders", Map.of("VisibilityTimeout", "20"));
            send(url, "one");
            send(url, "two");

            receiveOne(url);
            assertThat(counters(url)).isEqualTo(counts(1, 1, 0));

            clock.advanceSeconds(20);
            assertThat(counters(url)).isEqualTo(counts(2, 0, 0));
        }

        @Test
        void countADelayedMessageAsDelayedUntilItsDelayEnds() {
            String url = createQueue("orders");
            await(engine.sendMessage(SendMessageRequest.of(url, "later").withDelaySeconds(30)));

            assertThat(counters(url)).isEqualTo(counts(0, 0, 1));
            clock.advanceSeconds(29);
            assertThat(counters(url)).isEqualTo(counts(0, 0, 1));
            clock.advanceSeconds(1);
            assertThat(counters(url)).isEqualTo(counts(1, 0, 0));
        }

        @Test
        void countMessagesDelayedByTheQueueDelaySeconds() {
            String url = createQueue("orders", Map.of("DelaySeconds", "10"));
            send(url, "later");

            assertThat(counters(url)).isEqualTo(counts(0, 0, 1));
            clock.advanceSeconds(10);
            assertThat(counters(url)).isEqualTo(counts(1, 0, 0));
        }

        @Test
        void dropADeletedMessage() {
            String url = createQueue("orders");
            send(url, "one");
            send(url, "two");

            await(engine.deleteMessage(url, receiveOne(url).receiptHandle()));

            assertThat(counters(url)).isEqualTo(counts(1, 0, 0));
        }
    }

}
