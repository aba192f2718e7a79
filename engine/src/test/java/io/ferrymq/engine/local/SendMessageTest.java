package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.SendMessageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SendMessage on a standard queue: what SQS accepts, what it refuses and with which words, and what it returns. */
class SendMessageTest extends EngineFixture {
    private static final String ALLOWED_CHARACTERS = "the set of allowed characters is #x9 | #xA | #xD"
            + " | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].";
    private static final String RESERVED_PREFIX = "You can't use message attribute names beginning with 'AWS.'"
            + " or 'Amazon'. These strings are reserved for internal use.";
    private static final String BAD_TYPE = "The type of message (user) attribute 'a' is invalid. You must use only"
            + " the following supported type prefixes: Binary, Number, String.";

    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders");
    }

    // ---- size ----

    @Test
    void aMessageOfExactlyMaximumMessageSizeCountingBodyAndAttributeNameTypeAndValueIsAccepted() {
        // attribute "key" (3) + "String" (6) + "value" (5) = 14 bytes
        sent(message("x".repeat(1_048_576 - 14)).withMessageAttributes(Map.of("key", string("value"))));

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(1);
    }

    @Test
    void oneByteOverMaximumMessageSizeIsRefused() {
        EngineException e = refused(message("x".repeat(1_048_576 - 14 + 1))
                .withMessageAttributes(Map.of("key", string("value"))));

        assertInvalidParameter(e, "One or more parameters are invalid. Reason: Message must be shorter than 1048576"
                + " bytes.");
    }

    @Test
    void theLimitIsTheQueuesMaximumMessageSize() {
        queue = createQueue("small", Map.of("MaximumMessageSize", "1024"));
        // attribute "n" (1) + "Binary" (6) + 3 bytes = 10 bytes
        Map<String, MessageAttributeValue> attributes = Map.of("n", MessageAttributeValue.binary(new byte[3]));

        sent(message("x".repeat(1014)).withMessageAttributes(attributes));
        EngineException e = refused(message("x".repeat(1015)).withMessageAttributes(attributes));

        assertInvalidParameter(e, "One or more parameters are invalid. Reason: Message must be shorter than 1024"
                + " bytes.");
    }

    @Test
    void theBodyIsCountedInUtf8BytesNotCharacters() {
        queue = createQueue("small", Map.of("MaximumMessageSize", "1024"));
        String emoji = new String(Character.toChars(0x1F600)); // 4 bytes in UTF-8

        sent(message(emoji.repeat(256)));
        sent(message("\u20AC".repeat(341) + "a")); // 3 * 341 + 1 = 1024
        EngineException e = refused(message(emoji.repeat(256) + "a"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).endsWith("Message must be shorter than 1024 bytes.");
    }

    @Test
    void aRefusedSendStoresNothing() {
        refused(message("x".repeat(1_048_577)));

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesDelayed")).isZero();
        assertThat(receive(queue, 10)).isEmpty();
    }

    // ---- body ----

    @ParameterizedTest(name = "#x{0}")
    @ValueSource(ints = {0x0, 0x8, 0x1F, 0xFFFE, 0xFFFF, 0xD800, 0xDC00})
    void aBodyWithACharacterOutsideTheAllowedSetIsRefused(int codePoint) {
        EngineException e = refused(message("before" + new String(Character.toChars(codePoint)) + "after"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_MESSAGE_CONTENTS);
        assertThat(e.getMessage()).isEqualTo("Invalid binary character '#x" + Integer.toHexString(codePoint)
                .toUpperCase() + "' was found in the message body, " + ALLOWED_CHARACTERS);
    }

    @ParameterizedTest(name = "#x{0}")
    @ValueSource(ints = {0x9, 0xA, 0xD, 0x20, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF})
    void aBodyWithACharacterAtTheEdgeOfTheAllowedSetIsAcceptedAndDeliveredUnchanged(int codePoint) {
        String body = "before" + new String(Character.toChars(codePoint)) + "after";

        sent(message(body));

        assertThat(receiveOne(queue).body()).isEqualTo(body);
    }

    @Test
    void anEmptyBodyIsAMissingParameter() {
        EngineException e = refused(message(""));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("The request must contain the parameter MessageBody.");
    }

    @Test
    void md5OfMessageBodyIsTheHexMd5OfTheUtf8Body() {
        String body = "h\u00E9llo w\u00F6rld \uD83D\uDE00";

        SendMessageResult result = sent(message(body));

        assertThat(result.md5OfMessageBody()).isEqualTo(ExpectedDigests.md5OfBody(body));
        assertThat(receiveOne(queue).md5OfBody()).isEqualTo(result.md5OfMessageBody());
        assertThat(sent(message("derp")).md5OfMessageBody()).isEqualTo("58fd9edd83341c29f1aebba81c31e257");
    }

    // ---- attributes: count and names ----

    @Test
    void tenMessageAttributesAreAccepted() {
        sent(message("hi").withMessageAttributes(attributes(10)));

        assertThat(receiveOne(queue).messageAttributes()).hasSize(10);
    }

    @Test
    void elevenMessageAttributesAreRefused() {
        EngineException e = refused(message("hi").withMessageAttributes(attributes(11)));

        assertInvalidParameter(e, "Number of message attributes [11] exceeds the allowed maximum [10].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS.trace", "aws.trace", "Aws.Trace", "Amazon.id", "AMAZON.id", "amazon.id"})
    void attributeNamesStartingWithAwsOrAmazonInAnyCaseAreReserved(String name) {
        assertInvalidParameter(refusedAttribute(name, string("v")), RESERVED_PREFIX);
    }

    @Test
    void anAttributeNameMustNotBeginWithAPeriod() {
        assertInvalidParameter(refusedAttribute(".name", string("v")),
                "Message (user) attribute name must not begin with character '.'.");
    }

    @Test
    void anAttributeNameMustNotEndWithAPeriod() {
        assertInvalidParameter(refusedAttribute("name.", string("v")),
                "Message (user) attribute name must not end with character '.'.");
    }

    @Test
    void anAttributeNameMustNotHaveSuccessivePeriods() {
        assertInvalidParameter(refusedAttribute("my..name", string("v")),
                "Message (user) attribute name must not have successive '.' characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my name", "my/name", "my*name", "my:name", "my$name", "caf\u00e9", "\u540d\u524d"})
    void anAttributeNameWithACharacterOtherThanAlphanumericsUnderscoreHyphenAndPeriodIsRefused(String name) {
        EngineException e = refusedAttribute(name, string("v"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).contains("'" + name + "'");
    }

    @Test
    void anAttributeNameWithLettersDigitsUnderscoresHyphensAndSinglePeriodsIsAccepted() {
        sent(message("hi").withMessageAttributes(Map.of("Order_id-2.v1", string("v"))));

        assertThat(receiveOne(queue).messageAttributes()).containsKey("Order_id-2.v1");
    }

    @Test
    void anAttributeNameOf256BytesIsAccepted() {
        sent(message("hi").withMessageAttributes(Map.of("n".repeat(256), string("v"))));

        assertThat(receiveOne(queue).messageAttributes()).containsKey("n".repeat(256));
    }

    @Test
    void anAttributeNameOf257BytesIsRefused() {
        assertInvalidParameter(refusedAttribute("n".repeat(257), string("v")),
                "Message (user) attribute name must be shorter than 256 bytes.");
    }

    // ---- attributes: types and values ----

    @ParameterizedTest
    @ValueSource(strings = {"String", "Number", "Binary", "Number.int", "String.json", "Binary.gif", "Number.float"})
    void theThreeDataTypesAndCustomSuffixesAreAcceptedAndKept(String type) {
        MessageAttributeValue value = type.startsWith("Binary")
                ? new MessageAttributeValue(type, null, new byte[] {1, 2, 3})
                : new MessageAttributeValue(type, "12", null);

        sent(message("hi").withMessageAttributes(Map.of("a", value)));

        assertThat(receiveOne(queue).messageAttributes()).containsEntry("a", value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Text", "string", "Strings", "Integer", ".String"})
    void anyOtherDataTypeIsRefused(String type) {
        assertInvalidParameter(refusedAttribute("a", new MessageAttributeValue(type, "v", null)), BAD_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"String", "Number", "String.json"})
    void anEmptyStringValueIsRefused(String type) {
        assertInvalidParameter(refusedAttribute("a", new MessageAttributeValue(type, "", null)),
                "Message (user) attribute 'a' must contain a non-empty value of type '" + type + "'.");
    }

    @Test
    void anEmptyBinaryValueIsRefused() {
        assertInvalidParameter(refusedAttribute("a", MessageAttributeValue.binary(new byte[0])),
                "Message (user) attribute 'a' must contain a non-empty value of type 'Binary'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-17", "3.14", "1e10", "-0.5E-3", "99999999999999999999999999999999999999"})
    void numberValuesAreAccepted(String number) {
        sent(message("hi").withMessageAttributes(Map.of("n", MessageAttributeValue.number(number))));

        assertThat(receiveOne(queue).messageAttributes().get("n").stringValue()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12a", "1,5", "--1", "0x10"})
    void aNumberValueThatIsNotANumberIsRefused(String notANumber) {
        assertInvalidParameter(refusedAttribute("n", MessageAttributeValue.number(notANumber)),
                "Can't cast the value of message (user) attribute 'n' to a number.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e127", "-1e129", "1234567890123456789012345678901234567890"})
    void aNumberBeyondTheRangeOrPrecisionOfSqsNumbersIsRefused(String number) {
        EngineException e = refusedAttribute("n", MessageAttributeValue.number(number));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).contains("'n'");
    }

    @Test
    void aBinaryValueIsDeliveredByteForByte() {
        byte[] bytes = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, '\n'};

        sent(message("hi").withMessageAttributes(Map.of("blob", MessageAttributeValue.binary(bytes))));

        MessageAttributeValue got = receiveOne(queue).messageAttributes().get("blob");
        assertThat(got.dataType()).isEqualTo("Binary");
        assertThat(got.binaryValue()).containsExactly(bytes);
    }

    // ---- attribute digests ----

    @Test
    void md5OfMessageAttributesFollowsTheDocumentedEncodingForMixedTypes() {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "name", string("Zo\u00EB"),
                "count", MessageAttributeValue.number(42),
                "blob", MessageAttributeValue.binary(new byte[] {0, (byte) 0xFF, 7}),
                "kind", new MessageAttributeValue("String.json", "{\"a\":1}", null),
                "size", new MessageAttributeValue("Number.int", "7", null),
                "image", new MessageAttributeValue("Binary.gif", null, new byte[] {'G', 'I', 'F'}));

        SendMessageResult result = sent(message("hi").withMessageAttributes(attributes));

        assertThat(result.md5OfMessageAttributes()).isEqualTo(ExpectedDigests.md5OfAttributes(attributes));
        assertThat(receiveOne(queue).md5OfMessageAttributes()).isEqualTo(result.md5OfMessageAttributes());
    }

    @Test
    void md5OfMessageAttributesMatchesThePublishedVector() {
        // The digests moto's SQS test suite pins for these attributes, as AWS returns them.
        assertThat(sent(message("derp").withMessageAttributes(
                Map.of("timestamp", MessageAttributeValue.number("1493147359900")))).md5OfMessageAttributes())
                .isEqualTo("235c5c510d26fb653d073faed50ae77c");
        assertThat(sent(message("derp").withMessageAttributes(
                Map.of("timestamp", MessageAttributeValue.number("1493147359901")))).md5OfMessageAttributes())
                .isEqualTo("994258b45346a2cc3f9cbb611aa7af30");
    }

    @Test
    void aMessageWithoutAttributesHasNoAttributeDigest() {
        SendMessageResult result = sent(message("hi"));

        assertThat(result.md5OfMessageAttributes()).isNull();
        assertThat(result.md5OfMessageSystemAttributes()).isNull();
    }

    // ---- system attributes ----

    @Test
    void theAwsTraceHeaderIsDigestedAndReturnedOnReceive() {
        String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        Map<String, MessageAttributeValue> system = Map.of("AWSTraceHeader", string(trace));

        SendMessageResult result = sent(message("hi").withMessageSystemAttributes(system));

        assertThat(result.md5OfMessageSystemAttributes()).isEqualTo(ExpectedDigests.md5OfAttributes(system));
        Message got = await(engine.receiveMessage(ReceiveMessageRequest.of(queue)
                .withMessageSystemAttributeNames("AWSTraceHeader"))).messages().get(0);
        assertThat(got.attributes()).containsExactly(Map.entry("AWSTraceHeader", trace));
    }

    // ---- delays ----

    @ParameterizedTest
    @ValueSource(ints = {-1, 901})
    void aPerMessageDelayOutside0To900IsRefused(int delay) {
        assertInvalidParameter(refused(message("hi").withDelaySeconds(delay)), "Value " + delay
                + " for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.");
    }

    @Test
    void aDelayedMessageBecomesVisibleOnlyWhenTheClockPassesItsDelay() {
        sent(message("later").withDelaySeconds(900));

        assertThat(attribute(queue, "ApproximateNumberOfMessagesDelayed")).isEqualTo(1);
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        clock.advanceSeconds(899);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveOne(queue).body()).isEqualTo("later");
        assertThat(attribute(queue, "ApproximateNumberOfMessagesDelayed")).isZero();
    }

    @Test
    void theQueuesDelaySecondsAppliesWhenTheMessageGivesNone() {
        queue = createQueue("delayed", Map.of("DelaySeconds", "30"));

        send(queue, "later");

        assertThat(attribute(queue, "ApproximateNumberOfMessagesDelayed")).isEqualTo(1);
        clock.advanceSeconds(29);
        assertThat(receive(queue, 10)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveOne(queue).body()).isEqualTo("later");
    }

    @Test
    void aPerMessageDelayOverridesTheQueues() {
        queue = createQueue("delayed", Map.of("DelaySeconds", "60"));

        sent(message("now").withDelaySeconds(0));
        sent(message("soon").withDelaySeconds(5));

        assertThat(receiveOne(queue).body()).isEqualTo("now");
        clock.advanceSeconds(5);
        assertThat(receiveOne(queue).body()).isEqualTo("soon");
    }

    // ---- group and deduplication ids ----

    @Test
    void aStandardQueueAcceptsAMessageGroupIdAndReturnsItAsASystemAttribute() {
        sent(message("fair").withMessageGroupId("tenant-1"));

        assertThat(receiveOne(queue).attributes()).containsEntry("MessageGroupId", "tenant-1");
    }

    @Test
    void aStandardQueueRefusesAMessageDeduplicationId() {
        EngineException e = refused(message("hi").withMessageDeduplicationId("dedup-1"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).contains("MessageDeduplicationId").contains("not valid for this queue type");
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
    }

    // ---- helpers ----

    private SendMessageRequest message(String body) {
        return SendMessageRequest.of(queue, body);
    }

    private SendMessageResult sent(SendMessageRequest request) {
        return await(engine.sendMessage(request));
    }

    private EngineException refused(SendMessageRequest request) {
        return failure(engine.sendMessage(request));
    }

    private EngineException refusedAttribute(String name, MessageAttributeValue value) {
        EngineException e = refused(message("hi").withMessageAttributes(Map.of(name, value)));
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        return e;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.string(value);
    }

    private static Map<String, MessageAttributeValue> attributes(int count) {
        Map<String, MessageAttributeValue> out = new HashMap<>();
        for (int i = 0; i < count; i++) {
            out.put("attr" + i, string("v" + i));
        }
        return out;
    }

    private static void assertInvalidParameter(EngineException e, String message) {
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
