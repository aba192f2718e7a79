package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.ListSubscriptionsResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sns.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Subscribe, Unsubscribe, ListSubscriptions(ByTopic) and Get/SetSubscriptionAttributes, against research §1 and §5. */
class SubscriptionsTest extends EngineFixture {
    private static final String ACCOUNT = "000000000000";
    private static final String SUBSCRIBE = "Invalid parameter: Attributes Reason: ";
    private static final String SET = "Invalid parameter: ";
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private String topic;
    private String fifoTopic;

    @BeforeEach
    void createTopics() {
        topic = createTopic("orders");
        fifoTopic = await(engine.createTopic(CreateTopicRequest.of("orders.fifo", Map.of("FifoTopic", "true"))));
    }

    private static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
    }

    private String subscribe(String topicArn, String queueName) {
        return subscribe(topicArn, queueName, Map.of());
    }

    private String subscribe(String topicArn, String queueName, Map<String, String> attributes) {
        return await(engine.subscribe(SubscribeRequest.sqs(topicArn, queueArn(queueName), attributes)));
    }

    private Map<String, String> attributesOf(String subscriptionArn) {
        return await(engine.getSubscriptionAttributes(subscriptionArn));
    }

    private void set(String subscriptionArn, String name, String value) {
        await(engine.setSubscriptionAttributes(subscriptionArn, name, value));
    }

    /** Asserts that Subscribe with these attributes fails with this text and creates nothing. */
    private void assertSubscribeRefused(String topicArn, String queueName, Map<String, String> attributes,
                                        String message) {
        assertFails(engine.subscribe(SubscribeRequest.sqs(topicArn, queueArn(queueName), attributes)),
                ErrorCode.SNS_INVALID_PARAMETER, message);
        assertThat(await(engine.listSubscriptionsByTopic(topicArn, null)).subscriptions())
                .noneMatch(s -> s.endpoint().equals(queueArn(queueName)));
    }

    /** Asserts that SetSubscriptionAttributes fails with this text and leaves the attributes as they were. */
    private void assertSetRefused(String subscriptionArn, String name, String value, String message) {
        Map<String, String> before = attributesOf(subscriptionArn);
        assertFails(engine.setSubscriptionAttributes(subscriptionArn, name, value), ErrorCode.SNS_INVALID_PARAMETER,
                message);
        assertThat(attributesOf(subscriptionArn)).isEqualTo(before);
    }

    // ---- Subscribe ----

    @Test
    void subscribeReturnsTheTopicArnWithAUuid() {
        String arn = subscribe(topic, "q1");
        assertThat(arn).startsWith(topic + ":");
        assertThat(arn.substring(topic.length() + 1)).matches(UUID_FORM);
        assertThat(subscribe(topic, "q2")).isNotEqualTo(arn);
    }

    @Test
    void sqsSubscriptionHasExactlyTheRecordedAttributes() {
        String arn = subscribe(topic, "q1");
        Map<String, String> expected = new HashMap<>();
        expected.put("ConfirmationWasAuthenticated", "true");
        expected.put("Endpoint", queueArn("q1"));
        expected.put("Owner", ACCOUNT);
        expected.put("PendingConfirmation", "false");
        expected.put("Protocol", "sqs");
        expected.put("RawMessageDelivery", "false");
        expected.put("SubscriptionArn", arn);
        expected.put("SubscriptionPrincipal", "arn:aws:iam::" + ACCOUNT + ":user/ferrymq");
        expected.put("TopicArn", topic);
        assertThat(attributesOf(arn)).isEqualTo(expected);
    }

    @Test
    void filterPolicyScopeIsShownOnlyWithAFilterPolicy() {
        String arn = subscribe(topic, "q1");
        set(arn, "FilterPolicyScope", "MessageBody");
        assertThat(attributesOf(arn)).doesNotContainKeys("FilterPolicy", "FilterPolicyScope");
        set(arn, "FilterPolicy", "{\"k\": [\"v\"]}");
        assertThat(attributesOf(arn)).contains(entry("FilterPolicy", "{\"k\": [\"v\"]}"),
                entry("FilterPolicyScope", "MessageBody"));
        set(arn, "FilterPolicy", "");
        assertThat(attributesOf(arn)).doesNotContainKeys("FilterPolicy", "FilterPolicyScope");

        String other = subscribe(topic, "q2", Map.of("FilterPolicy", "{\"k\":[\"v\"]}"));
        assertThat(attributesOf(other)).contains(entry("FilterPolicyScope", "MessageAttributes"));
    }

    @Test
    void subscribingAgainWithEqualOmittedOrEmptyAttributesReturnsTheSameArn() {
        Map<String, String> attributes = Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"k\":[\"v\"]}");
        String arn = subscribe(topic, "q1", attributes);
        assertThat(subscribe(topic, "q1", attributes)).isEqualTo(arn);
        assertThat(subscribe(topic, "q1", Map.of("RawMessageDelivery", "TRUE", "FilterPolicy", "{\"k\":[\"v\"]}")))
                .isEqualTo(arn);
        assertThat(await(engine.subscribe(new SubscribeRequest(topic, "sqs", queueArn("q1"), null)))).isEqualTo(arn);
        assertThat(subscribe(topic, "q1", Map.of())).isEqualTo(arn);
        assertThat(await(engine.listSubscriptionsByTopic(topic, null)).subscriptions()).hasSize(1);
        assertThat(attributesOf(arn)).contains(entry("RawMessageDelivery", "true"));
    }

    @Test
    void subscribingAgainWithDifferentAttributesIsRefused() {
        String arn = subscribe(topic, "q1", Map.of("RawMessageDelivery", "true"));
        assertFails(engine.subscribe(SubscribeRequest.sqs(topic, queueArn("q1"), Map.of("RawMessageDelivery",
                "false"))), ErrorCode.SNS_INVALID_PARAMETER,
                SUBSCRIBE + "Subscription already exists with different attributes");
        assertThat(attributesOf(arn)).contains(entry("RawMessageDelivery", "true"));
    }

    @Test
    void unsupportedProtocolIsRefused() {
        assertFails(engine.subscribe(new SubscribeRequest(topic, "test-protocol", queueArn("q1"), Map.of())),
                ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: Amazon SNS does not support this protocol string: test-protocol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https", "lambda", "email", "firehose"})
    void otherRealProtocolsAreRefusedWithTheEnginesText(String protocol) {
        assertFails(engine.subscribe(new SubscribeRequest(topic, protocol, "http://example.com/hook", Map.of())),
                ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: Protocol Reason: FerryMQ's engine delivers to sqs endpoints only");
        assertThat(await(engine.listSubscriptions(null)).subscriptions()).isEmpty();
    }

    @Test
    void sqsEndpointMustBeAQueueArn() {
        String url = createQueue("q1");
        for (String endpoint : List.of(url, "q1", "arn:aws:sns:us-east-1:" + ACCOUNT + ":q1")) {
            assertFails(engine.subscribe(new SubscribeRequest(topic, "sqs", endpoint, Map.of())),
                    ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: SQS endpoint ARN");
        }
        assertThat(await(engine.listSubscriptions(null)).subscriptions()).isEmpty();
    }

    @Test
    void fifoQueueCannotSubscribeToAStandardTopic() {
        assertSubscribeRefused(topic, "q1.fifo", Map.of(), "Invalid parameter: Invalid parameter: Endpoint Reason:"
                + " FIFO SQS Queues can not be subscribed to standard SNS topics");
    }

    @Test
    void standardAndFifoQueuesCanSubscribeToAFifoTopic() {
        String standard = subscribe(fifoTopic, "q1");
        String fifo = subscribe(fifoTopic, "q1.fifo");
        assertThat(await(engine.listSubscriptionsByTopic(fifoTopic, null)).subscriptions())
                .extracting(Subscription::subscriptionArn).containsExactlyInAnyOrder(standard, fifo);
    }

    // ---- RawMessageDelivery ----

    @Test
    void rawMessageDeliveryMustBeTrueOrFalseAtSubscribe() {
        assertSubscribeRefused(topic, "q1", Map.of("RawMessageDelivery", "wrongvalue"),
                SUBSCRIBE + "RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.");
        assertThat(attributesOf(subscribe(topic, "q2", Map.of("RawMessageDelivery", "TRUE"))))
                .contains(entry("RawMessageDelivery", "true"));
    }

    @Test
    void rawMessageDeliveryMustBeTrueOrFalseAtSet() {
        String arn = subscribe(topic, "q1");
        assertSetRefused(arn, "RawMessageDelivery", "test-ValUe",
                SET + "RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false.");
        assertSetRefused(arn, "RawMessageDelivery", "",
                SET + "RawMessageDelivery: Invalid value []. Must be true or false.");
        set(arn, "RawMessageDelivery", "True");
        assertThat(attributesOf(arn)).contains(entry("RawMessageDelivery", "true"));
        set(arn, "RawMessageDelivery", "FALSE");
        assertThat(attributesOf(arn)).contains(entry("RawMessageDelivery", "false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoSuchAttribute", "Protocol", "Endpoint", "SubscriptionArn", "PendingConfirmation"})
    void unknownOrReadOnlyAttributesAreRefusedAtSet(String name) {
        assertSetRefused(subscribe(topic, "q1"), name, "x", SET + "AttributeName");
    }

    // ---- RedrivePolicy and ReplayPolicy ----

    @Test
    void redrivePolicyNeedsADeadLetterQueueArn() {
        String arn = subscribe(topic, "q1");
        assertSetRefused(arn, "RedrivePolicy", "{\"deadLetterTargetArn\":\"not-an-arn\"}",
                SET + "RedrivePolicy: deadLetterTargetArn is an invalid arn");
        assertSubscribeRefused(topic, "q2", Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"not-an-arn\"}"),
                SUBSCRIBE + "RedrivePolicy: deadLetterTargetArn is an invalid arn");
        String policy = "{\"deadLetterTargetArn\":\"" + queueArn("dlq") + "\"}";
        set(arn, "RedrivePolicy", policy);
        assertThat(attributesOf(arn)).contains(entry("RedrivePolicy", policy));
    }

    @Test
    void redrivePolicyThatIsNotJsonNamesTheParseError() {
        String arn = subscribe(topic, "q1");
        String firstLine = SET + "RedrivePolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was"
                + " expecting double-quote to start field name";
        assertThat(failure(engine.setSubscriptionAttributes(arn, "RedrivePolicy", "{invalidjson}")).getMessage()
                .split("\n")[0]).isEqualTo(firstLine);
        assertThat(attributesOf(arn)).doesNotContainKey("RedrivePolicy");
    }

    @Test
    void fifoSubscriptionToAFifoTopicNeedsAFifoDeadLetterQueue() {
        String standardDlq = "{\"deadLetterTargetArn\":\"" + queueArn("dlq") + "\"}";
        String text = "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.";
        assertSubscribeRefused(fifoTopic, "q1.fifo", Map.of("RedrivePolicy", standardDlq), SUBSCRIBE + text);
        String arn = subscribe(fifoTopic, "q1.fifo");
        assertSetRefused(arn, "RedrivePolicy", standardDlq, SET + text);
        set(arn, "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + queueArn("dlq.fifo") + "\"}");
        // a standard queue subscribed to a FIFO topic may use a standard DLQ
        set(subscribe(fifoTopic, "q2"), "RedrivePolicy", standardDlq);
    }

    @Test
    void replayPolicyIsRefusedOnAStandardTopic() {
        // AWS's text is unknown (research §6); the engine's code is InvalidParameter
        String policy = "{\"PointType\":\"Timestamp\",\"StartingPoint\":\"2024-01-01T00:00:00.000Z\"}";
        assertThat(failure(engine.subscribe(SubscribeRequest.sqs(topic, queueArn("q1"), Map.of("ReplayPolicy",
                policy)))).errorCode()).isEqualTo(ErrorCode.SNS_INVALID_PARAMETER);
        String arn = subscribe(topic, "q1");
        assertThat(failure(engine.setSubscriptionAttributes(arn, "ReplayPolicy", policy)).errorCode())
                .isEqualTo(ErrorCode.SNS_INVALID_PARAMETER);
        assertThat(attributesOf(arn)).doesNotContainKey("ReplayPolicy");
    }

    // ---- Unsubscribe ----

    @Test
    void unsubscribeIsIdempotentAndCountsDeletions() {
        String arn = subscribe(topic, "q1");
        String kept = subscribe(topic, "q2");
        await(engine.unsubscribe(arn));
        await(engine.unsubscribe(arn));
        await(engine.unsubscribe(topic + ":00000000-0000-0000-0000-000000000000"));
        assertFails(engine.getSubscriptionAttributes(arn), ErrorCode.SNS_NOT_FOUND, "Subscription does not exist");
        assertThat(await(engine.listSubscriptionsByTopic(topic, null)).subscriptions())
                .extracting(Subscription::subscriptionArn).containsExactly(kept);
        assertThat(await(engine.getTopicAttributes(topic))).contains(entry("SubscriptionsDeleted", "1"),
                entry("SubscriptionsConfirmed", "1"));
    }

    @Test
    void malformedSubscriptionArnsAreRefused() {
        String prefix = "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not ";
        assertFails(engine.unsubscribe("nonsense"), ErrorCode.SNS_INVALID_PARAMETER, prefix + "1");
        assertFails(engine.unsubscribe("arn:aws:sns:us-east-1:" + ACCOUNT), ErrorCode.SNS_INVALID_PARAMETER,
                prefix + "5");
        assertFails(engine.unsubscribe(topic), ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: SubscriptionId");
        assertFails(engine.getSubscriptionAttributes("nonsense"), ErrorCode.SNS_INVALID_PARAMETER, prefix + "1");
    }

    // ---- listing ----

    @Test
    void listSubscriptionsPagesBy100() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            created.add(subscribe(i % 2 == 0 ? topic : fifoTopic, "q" + i));
        }
        List<Subscription> listed = allPages(token -> await(engine.listSubscriptions(token)), List.of(100, 50));
        assertThat(listed).extracting(Subscription::subscriptionArn).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void listSubscriptionsByTopicPagesBy100AndListsOnlyThatTopic() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            created.add(subscribe(topic, "q" + i));
        }
        subscribe(fifoTopic, "elsewhere");
        List<Subscription> listed = allPages(token -> await(engine.listSubscriptionsByTopic(topic, token)),
                List.of(100, 50));
        assertThat(listed).extracting(Subscription::subscriptionArn).containsExactlyInAnyOrderElementsOf(created);
        assertThat(listed).allSatisfy(s -> assertThat(s.topicArn()).isEqualTo(topic));
    }

    private static List<Subscription> allPages(Function<String, ListSubscriptionsResult> list,
                                               List<Integer> expectedSizes) {
        List<Subscription> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            ListSubscriptionsResult page = list.apply(token);
            sizes.add(page.subscriptions().size());
            all.addAll(page.subscriptions());
            token = page.nextToken();
        } while (token != null);
        assertThat(sizes).isEqualTo(expectedSizes);
        assertThat(all).doesNotHaveDuplicates();
        return all;
    }

    @Test
    void listEntriesCarryArnOwnerProtocolEndpointAndTopic() {
        String arn = subscribe(topic, "q1");
        assertThat(await(engine.listSubscriptions(null)).subscriptions())
                .containsExactly(new Subscription(arn, ACCOUNT, "sqs", queueArn("q1"), topic));
    }

    // ---- missing subscriptions ----

    @Test
    void missingSubscriptionIsNotFound() {
        String missing = topic + ":00000000-0000-0000-0000-000000000000";
        String onMissingTopic = "arn:aws:sns:us-east-1:" + ACCOUNT + ":gone:00000000-0000-0000-0000-000000000000";
        for (String arn : List.of(missing, onMissingTopic)) {
            assertThat(assertFails(engine.getSubscriptionAttributes(arn), ErrorCode.SNS_NOT_FOUND,
                    "Subscription does not exist").errorCode().httpStatus()).isEqualTo(404);
            assertFails(engine.setSubscriptionAttributes(arn, "RawMessageDelivery", "true"), ErrorCode.SNS_NOT_FOUND,
                    "Subscription does not exist");
        }
    }

    @Test
    void subscribingToAMissingTopicIsNotFound() {
        assertFails(engine.subscribe(SubscribeRequest.sqs("arn:aws:sns:us-east-1:" + ACCOUNT + ":gone",
                queueArn("q1"))), ErrorCode.SNS_NOT_FOUND, "Topic does not exist");
    }
}
