package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishBatchRequest;
import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sns.PublishBatchResultEntry;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.PublishResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Publish and PublishBatch: validation texts (research §1), results, and what reaches the subscribed queues (§4). */
class PublishTest extends EngineFixture {
    private static final int LIMIT = 262_144;
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String topic;
    private String queue;
    private String rawQueue;

    @BeforeEach
    void createTopicWithTwoQueues() {
        topic = createTopic("orders");
        queue = createQueue("orders-queue");
        subscribeQueue(topic, queue);
        rawQueue = createQueue("orders-raw");
        await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(rawQueue), Map.of("RawMessageDelivery", "true"))));
    }

    private String fifoTopic(Map<String, String> extra) {
        Map<String, String> attributes = new java.util.HashMap<>(extra);
        attributes.put("FifoTopic", "true");
        return await(engine.createTopic(CreateTopicRequest.of("orders.fifo", attributes)));
    }

    private String fifoQueueSubscribedTo(String topicArn) {
        String url = createQueue("orders-queue.fifo", Map.of("FifoQueue", "true"));
        subscribeQueue(topicArn, url);
        return url;
    }

    private PublishResult publish(PublishRequest request) {
        return await(engine.publish(request));
    }

    private PublishRequest message(String body) {
        return PublishRequest.of(topic, body);
    }

    private BatchResult<PublishBatchResultEntry> publishBatch(String topicArn, List<PublishBatchRequestEntry> entries) {
        return await(engine.publishBatch(new PublishBatchRequest(topicArn, entries)));
    }

    private CompletableFuture<?> batch(List<PublishBatchRequestEntry> entries) {
        return engine.publishBatch(new PublishBatchRequest(topic, entries));
    }

    private static List<PublishBatchRequestEntry> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> PublishBatchRequestEntry.of("id-" + i, "m" + i)).toList();
    }

    /** The SNS envelope of the one message waiting in the queue. */
    private JsonNode envelopeIn(String queueUrl) {
        try {
            return JSON.readTree(receiveOne(queueUrl).body());
        } catch (java.io.IOException e) {
            throw new AssertionError("the queue's message is not an SNS envelope", e);
        }
    }

    private void assertNothingDelivered() {
        assertThat(receive(queue, 10)).isEmpty();
        assertThat(receive(rawQueue, 10)).isEmpty();
    }

    /** Asserts that a refused publish fails with this SNS text and reaches no subscription. */
    private void assertRefused(CompletableFuture<?> call, ErrorCode code, String message) {
        assertFails(call, code, message);
        assertNothingDelivered();
    }

    private void assertInvalid(PublishRequest request, String message) {
        assertRefused(engine.publish(request), ErrorCode.SNS_INVALID_PARAMETER, message);
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%064x", new BigInteger(1, digest));
    }

    // ---- Publish results ----

    @Test
    void publishReturnsAUuidMessageIdAndNoSequenceNumber() {
        PublishResult result = publish(message("hello"));
        assertThat(result.messageId()).matches(UUID_FORM);
        assertThat(result.sequenceNumber()).isNull();
        JsonNode envelope = envelopeIn(queue);
        assertThat(envelope.path("MessageId").asText()).isEqualTo(result.messageId());
        assertThat(envelope.path("Message").asText()).isEqualTo("hello");
    }

    @Test
    void fifoPublishReturnsIncreasingSequenceNumbers() {
        String fifo = fifoTopic(Map.of());
        PublishResult first = publish(PublishRequest.of(fifo, "a").withMessageGroupId("g")
                .withMessageDeduplicationId("d1"));
        PublishResult second = publish(PublishRequest.of(fifo, "b").withMessageGroupId("g")
                .withMessageDeduplicationId("d2"));
        assertThat(first.messageId()).matches(UUID_FORM);
        assertThat(first.sequenceNumber()).matches("[0-9]{20}");
        assertThat(second.sequenceNumber()).matches("[0-9]{20}");
        assertThat(new BigInteger(second.sequenceNumber())).isGreaterThan(new BigInteger(first.sequenceNumber()));
    }

    @Test
    void publishToAMissingOrForeignTopicIsRefused() {
        String missing = "arn:aws:sns:us-east-1:000000000000:missing";
        assertFails(engine.publish(PublishRequest.of(missing, "m")), ErrorCode.SNS_NOT_FOUND, "Topic does not exist");
        assertFails(engine.publishBatch(new PublishBatchRequest(missing, entries(1))), ErrorCode.SNS_NOT_FOUND,
                "Topic does not exist");
        String otherRegion = "arn:aws:sns:eu-west-1:000000000000:orders";
        assertFails(engine.publish(PublishRequest.of(otherRegion, "m")), ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: TopicArn");
        assertFails(engine.publishBatch(new PublishBatchRequest(otherRegion, entries(1))),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: TopicArn");
        assertFails(engine.publish(PublishRequest.of("arn:aws", "m")), ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 2");
        assertNothingDelivered();
    }

    // ---- message and size ----

    @Test
    void emptyMessageIsRefused() {
        assertInvalid(message(""), "Invalid parameter: Empty message");
        assertInvalid(message(null), "Invalid parameter: Empty message");
    }

    @Test
    void messageOf262144BytesIsAcceptedAndOneMoreIsRefused() {
        assertInvalid(message("x".repeat(LIMIT + 1)), "Invalid parameter: Message too long");
        publish(message("x".repeat(LIMIT)));
    }

    @Test
    void attributesCountTowardsTheMessageSize() {
        // name "a" (1) + type "String" (6) + value "é" (2 bytes in UTF-8) = 9 bytes
        Map<String, MessageAttributeValue> attributes = Map.of("a", MessageAttributeValue.string("é"));
        assertInvalid(message("x".repeat(LIMIT - 8)).withMessageAttributes(attributes),
                "Invalid parameter: Message too long");
        publish(message("x".repeat(LIMIT - 9)).withMessageAttributes(attributes));
    }

    // ---- Subject ----

    @ParameterizedTest
    @ValueSource(strings = {"", "line\nbreak", "tab\there", "bell\u0007"})
    void subjectsThatAreEmptyOrHaveControlCharactersAreRefused(String subject) {
        assertInvalid(message("m").withSubject(subject), "Invalid parameter: Subject");
    }

    @Test
    void subjectMustBeShorterThan100Characters() {
        assertInvalid(message("m").withSubject("s".repeat(100)), "Invalid parameter: Subject");
        publish(message("m").withSubject("s".repeat(99)));
        assertThat(envelopeIn(queue).path("Subject").asText()).isEqualTo("s".repeat(99));
    }

    @Test
    void normalSubjectReachesTheEnvelope() {
        publish(message("m").withSubject("Order #42 shipped!"));
        assertThat(envelopeIn(queue).path("Subject").asText()).isEqualTo("Order #42 shipped!");
    }

    // ---- MessageStructure=json ----

    @Test
    void jsonStructureMustParse() {
        assertInvalid(message("not json").withMessageStructure("json"),
                "Invalid parameter: Message Structure - JSON message body failed to parse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"email\":\"e\"}", "{\"default\":1}", "{\"default\":{\"a\":\"b\"}}",
            "{\"sqs\":\"only sqs\"}"})
    void jsonStructureNeedsAStringDefaultEntry(String body) {
        assertInvalid(message(body).withMessageStructure("json"),
                "Invalid parameter: Message Structure - No default entry in JSON message body");
    }

    @Test
    void queueReceivesTheSqsEntryOverTheDefault() {
        publish(message("{\"default\":\"for all\",\"sqs\":\"for queues\",\"email\":\"e\"}")
                .withMessageStructure("json"));
        assertThat(envelopeIn(queue).path("Message").asText()).isEqualTo("for queues");
        publish(message("{\"default\":\"for all\",\"email\":\"e\",\"sqs\":7}").withMessageStructure("json"));
        assertThat(envelopeIn(queue).path("Message").asText()).isEqualTo("for all");
    }

    // ---- message attributes ----

    static Stream<Arguments> invalidAttributes() {
        String typeText = "The message attribute 'attr1' has an invalid message attribute type, the set of supported"
                + " type prefixes is Binary, Number, and String.";
        return Stream.of(
                Arguments.of("attr1", MessageAttributeValue.string(""), "The message attribute 'attr1' must contain"
                        + " non-empty message attribute value for message attribute type 'String'."),
                Arguments.of("attr1", MessageAttributeValue.binary(new byte[0]), "The message attribute 'attr1' must"
                        + " contain non-empty message attribute value for message attribute type 'Binary'."),
                Arguments.of("attr1", new MessageAttributeValue("String", null, new byte[]{1}),
                        "The message attribute 'attr1' with type 'String' must use field 'String'."),
                Arguments.of("attr1", new MessageAttributeValue("Number", null, new byte[]{1}),
                        "The message attribute 'attr1' with type 'Number' must use field 'String'."),
                Arguments.of("attr1", new MessageAttributeValue("Binary", "text", null),
                        "The message attribute 'attr1' with type 'Binary' must use field 'Binary'."),
                Arguments.of("attr1", new MessageAttributeValue("Integer", "1", null), typeText),
                Arguments.of("attr1", new MessageAttributeValue("string", "1", null), typeText),
                Arguments.of("a".repeat(256), MessageAttributeValue.string("v"),
                        "Length of message attribute name must be less than 256 bytes."),
                Arguments.of("attr^1", MessageAttributeValue.string("v"), "Invalid non-alphanumeric character '#x5E'"
                        + " was found in the message attribute name. Can only include alphanumeric characters,"
                        + " hyphens, underscores, or dots."),
                Arguments.of(".attr1", MessageAttributeValue.string("v"),
                        "Invalid message attribute name starting with character '.' was found."),
                Arguments.of("attr1.", MessageAttributeValue.string("v"),
                        "Invalid message attribute name ending with character '.' was found."),
                Arguments.of("at..tr1", MessageAttributeValue.string("v"),
                        "Message attribute name can not have successive '.' character."));
    }

    @ParameterizedTest
    @MethodSource("invalidAttributes")
    void invalidMessageAttributesAreParameterValueInvalid(String name, MessageAttributeValue value, String text) {
        assertRefused(engine.publish(message("m").withMessageAttributes(Map.of(name, value))),
                ErrorCode.SNS_INVALID_PARAMETER_VALUE, text);
        assertRefused(batch(List.of(PublishBatchRequestEntry.of("ok", "fine"), message("m")
                .withMessageAttributes(Map.of(name, value)).toEntry("bad"))), ErrorCode.SNS_INVALID_PARAMETER_VALUE,
                text);
    }

    @Test
    void customTypesAndAllowedNameCharactersAreAccepted() {
        publish(message("m").withMessageAttributes(Map.of(
                "a-b_c.d", new MessageAttributeValue("Number.float", "1.5", null),
                "list", new MessageAttributeValue("String.Array", "[\"x\",\"y\"]", null),
                "bytes", new MessageAttributeValue("Binary.gz", null, new byte[]{1, 2}))));
        assertThat(envelopeIn(queue).path("MessageAttributes").path("a-b_c.d").path("Value").asText())
                .isEqualTo("1.5");
    }

    // ---- FIFO and group / deduplication ids ----

    @Test
    void fifoTopicNeedsAMessageGroupId() {
        String fifo = fifoTopic(Map.of("ContentBasedDeduplication", "true"));
        String fifoQueue = fifoQueueSubscribedTo(fifo);
        assertFails(engine.publish(PublishRequest.of(fifo, "m")), ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertThat(receive(fifoQueue, 10)).isEmpty();
    }

    @Test
    void fifoTopicWithoutContentBasedDeduplicationNeedsADeduplicationId() {
        String fifo = fifoTopic(Map.of());
        String fifoQueue = fifoQueueSubscribedTo(fifo);
        assertFails(engine.publish(PublishRequest.of(fifo, "m").withMessageGroupId("g")),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: The topic should either have"
                        + " ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertThat(receive(fifoQueue, 10)).isEmpty();
    }

    @Test
    void contentBasedDeduplicationIdIsTheSha256OfTheBody() throws Exception {
        String fifo = fifoTopic(Map.of("ContentBasedDeduplication", "true"));
        String fifoQueue = fifoQueueSubscribedTo(fifo);
        publish(PublishRequest.of(fifo, "Test").withMessageGroupId("g"));
        Message m = receiveOne(fifoQueue);
        assertThat(m.attributes()).contains(entry("MessageDeduplicationId", sha256Hex("Test")),
                entry("MessageGroupId", "g"));
        assertThat(sha256Hex("Test")).startsWith("532eaabd"); // the value recorded from AWS (research §4)
    }

    @Test
    void explicitDeduplicationIdReachesTheFifoQueue() {
        String fifo = fifoTopic(Map.of("ContentBasedDeduplication", "true"));
        String fifoQueue = fifoQueueSubscribedTo(fifo);
        PublishResult result = publish(PublishRequest.of(fifo, "m").withMessageGroupId("g")
                .withMessageDeduplicationId("dedup-1"));
        Message m = receiveOne(fifoQueue);
        assertThat(m.attributes()).contains(entry("MessageDeduplicationId", "dedup-1"));
        assertThat(m.body()).contains("\"SequenceNumber\" : \"" + result.sequenceNumber() + "\"");
    }

    @Test
    void standardTopicRefusesADeduplicationId() {
        String text = "Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId"
                + " parameter that is not valid for this topic type";
        assertInvalid(message("m").withMessageDeduplicationId("d"), text);
        assertInvalid(message("m").withMessageDeduplicationId("d").withMessageGroupId("g"), text);
    }

    @Test
    void standardTopicPassesAMessageGroupIdToAStandardQueue() {
        publish(message("m").withMessageGroupId("tenant-1"));
        assertThat(receiveOne(queue).attributes()).contains(entry("MessageGroupId", "tenant-1"));
    }

    // ---- PublishBatch ----

    @Test
    void batchNeedsOneToTenEntries() {
        assertRefused(batch(List.of()), ErrorCode.SNS_EMPTY_BATCH_REQUEST,
                "The batch request doesn't contain any entries.");
        assertRefused(batch(entries(11)), ErrorCode.SNS_TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
                "The batch request contains more entries than permissible.");
        assertThat(publishBatch(topic, entries(10)).successful()).hasSize(10);
    }

    @Test
    void batchEntryIdsMustBeDistinctAndWellFormed() {
        assertRefused(batch(List.of(PublishBatchRequestEntry.of("a", "1"), PublishBatchRequestEntry.of("a", "2"))),
                ErrorCode.SNS_BATCH_ENTRY_IDS_NOT_DISTINCT, "Two or more batch entries in the request have the same Id.");
        String tooLong = "i".repeat(81);
        assertRefused(batch(List.of(PublishBatchRequestEntry.of(tooLong, "1"))), ErrorCode.SNS_INVALID_BATCH_ENTRY_ID,
                "The Id of a batch entry in the batch request is too long: " + tooLong);
        assertRefused(batch(List.of(PublishBatchRequestEntry.of("ok", "1"), PublishBatchRequestEntry.of("b@d", "2"))),
                ErrorCode.SNS_INVALID_BATCH_ENTRY_ID,
                "The Id of a batch entry in the batch request contains an impermissible character: b@d");
        assertThat(publishBatch(topic, List.of(PublishBatchRequestEntry.of("A-z_" + "9".repeat(76), "1")))
                .successful()).hasSize(1);
    }

    @Test
    void batchOfMoreThan262144BytesIsTooLong() {
        assertRefused(batch(List.of(PublishBatchRequestEntry.of("a", "x".repeat(LIMIT / 2)),
                        PublishBatchRequestEntry.of("b", "x".repeat(LIMIT / 2 + 1)))),
                ErrorCode.SNS_BATCH_REQUEST_TOO_LONG,
                "The length of all the messages put together is more than the limit.");
        assertThat(publishBatch(topic, List.of(PublishBatchRequestEntry.of("a", "x".repeat(LIMIT / 2)),
                PublishBatchRequestEntry.of("b", "x".repeat(LIMIT / 2)))).successful()).hasSize(2);
    }

    @Test
    void oneBadEntryRefusesTheWholeBatch() {
        assertRefused(batch(List.of(PublishBatchRequestEntry.of("good", "m"), PublishBatchRequestEntry.of("bad", ""))),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: Empty message");
        String fifo = fifoTopic(Map.of());
        String fifoQueue = fifoQueueSubscribedTo(fifo);
        PublishBatchRequestEntry good = PublishRequest.of(fifo, "m").withMessageGroupId("g")
                .withMessageDeduplicationId("d").toEntry("good");
        PublishBatchRequestEntry noGroup = PublishRequest.of(fifo, "m").withMessageDeduplicationId("d2")
                .toEntry("no-group");
        assertFails(engine.publishBatch(new PublishBatchRequest(fifo, List.of(good, noGroup))),
                ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertThat(receive(fifoQueue, 10)).isEmpty();
    }

    @Test
    void batchResultsCarryTheEntryIdsAndMessageIds() {
        BatchResult<PublishBatchResultEntry> result = publishBatch(topic, entries(3));
        assertThat(result.failed()).isEmpty();
        assertThat(result.successful()).extracting(PublishBatchResultEntry::id)
                .containsExactly("id-0", "id-1", "id-2");
        assertThat(result.successful()).allSatisfy(e -> {
            assertThat(e.messageId()).matches(UUID_FORM);
            assertThat(e.sequenceNumber()).isNull();
        });
        assertThat(result.successful()).extracting(PublishBatchResultEntry::messageId).doesNotHaveDuplicates();
        List<String> delivered = new ArrayList<>();
        for (Message m : receive(queue, 10)) {
            delivered.add(m.body());
        }
        assertThat(delivered).hasSize(3);
        assertThat(result.successful()).allSatisfy(e ->
                assertThat(delivered).anyMatch(body -> body.contains("\"MessageId\" : \"" + e.messageId() + "\"")));
    }

    @Test
    void fifoBatchResultsCarryIncreasingSequenceNumbers() {
        String fifo = fifoTopic(Map.of("ContentBasedDeduplication", "true"));
        String fifoQueue = fifoQueueSubscribedTo(fifo);
        List<PublishBatchRequestEntry> entries = IntStream.range(0, 3).mapToObj(i ->
                PublishRequest.of(fifo, "m" + i).withMessageGroupId("g").toEntry("e" + i)).toList();
        List<PublishBatchResultEntry> results = publishBatch(fifo, entries).successful();
        assertThat(results).extracting(PublishBatchResultEntry::id).containsExactly("e0", "e1", "e2");
        List<BigInteger> numbers = results.stream().map(e -> new BigInteger(e.sequenceNumber())).toList();
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        assertThat(results).allSatisfy(e -> assertThat(e.sequenceNumber()).matches("[0-9]{20}"));
        List<Message> received = receive(fifoQueue, 10);
        assertThat(received).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(received.get(i).body()).contains("\"Message\" : \"m" + i + "\"")
                    .contains("\"SequenceNumber\" : \"" + results.get(i).sequenceNumber() + "\"");
        }
    }
}
