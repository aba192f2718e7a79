package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.ListTopicsResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** CreateTopic, DeleteTopic, ListTopics, Get/SetTopicAttributes and topic tags, against research §1, §5 and §6. */
class TopicsTest extends EngineFixture {
    private static final String ACCOUNT = "000000000000";
    private static final String ARN_PREFIX = "arn:aws:sns:us-east-1:" + ACCOUNT + ":";
    private static final String FIFO_NAME_TEXT = "Invalid parameter: Fifo Topic names must end with .fifo and must be"
            + " made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be"
            + " between 1 and 256 characters long.";
    private static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{"
            + "\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
            + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":"
            + "\"text/plain; charset=UTF-8\"}}}";

    private String createFifoTopic(String name) {
        return await(engine.createTopic(CreateTopicRequest.of(name, Map.of("FifoTopic", "true"))));
    }

    private Map<String, String> topicAttributes(String topicArn) {
        return await(engine.getTopicAttributes(topicArn));
    }

    private void setTopicAttribute(String topicArn, String name, String value) {
        await(engine.setTopicAttributes(topicArn, name, value));
    }

    private String subscribeFakeQueue(String topicArn, String queueName) {
        return await(engine.subscribe(SubscribeRequest.sqs(topicArn, "arn:aws:sqs:us-east-1:" + ACCOUNT + ":"
                + queueName)));
    }

    private static String defaultPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + topicArn + "\",\"Condition\":{\"StringEquals\":{"
                + "\"AWS:SourceOwner\":\"" + ACCOUNT + "\"}}}]}";
    }

    /** Asserts that a refused SetTopicAttributes left every attribute as it was. */
    private void assertSetRefused(String topicArn, String name, String value, String message) {
        Map<String, String> before = topicAttributes(topicArn);
        assertFails(engine.setTopicAttributes(topicArn, name, value), ErrorCode.SNS_INVALID_PARAMETER, message);
        assertThat(topicAttributes(topicArn)).isEqualTo(before);
    }

    private void assertSetRefusedWithCode(String topicArn, String name, String value) {
        Map<String, String> before = topicAttributes(topicArn);
        assertThat(failure(engine.setTopicAttributes(topicArn, name, value)).errorCode())
                .isEqualTo(ErrorCode.SNS_INVALID_PARAMETER);
        assertThat(topicAttributes(topicArn)).isEqualTo(before);
    }

    // ---- CreateTopic ----

    @Test
    void createTopicReturnsAnArnInTheEnginesRegionAndAccount() {
        assertThat(createTopic("orders")).isEqualTo(ARN_PREFIX + "orders");
        try (LocalEngine other = LocalEngine.builder().timeSource(clock).region("eu-west-2")
                .accountId("123456789012").build()) {
            assertThat(await(other.createTopic(CreateTopicRequest.of("orders"))))
                    .isEqualTo("arn:aws:sns:eu-west-2:123456789012:orders");
        }
    }

    @Test
    void fifoTopicNeedsTheFifoSuffixAndFifoTopicTrue() {
        String arn = createFifoTopic("orders.fifo");
        assertThat(arn).isEqualTo(ARN_PREFIX + "orders.fifo");
        assertThat(topicAttributes(arn)).contains(entry("FifoTopic", "true"));
        assertFails(engine.createTopic(CreateTopicRequest.of("orders", Map.of("FifoTopic", "true"))),
                ErrorCode.SNS_INVALID_PARAMETER, FIFO_NAME_TEXT);
        assertFails(engine.createTopic(CreateTopicRequest.of("bad name.fifo", Map.of("FifoTopic", "true"))),
                ErrorCode.SNS_INVALID_PARAMETER, FIFO_NAME_TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dots.are.out", "orders.fifo", "ümlaut", "slash/name"})
    void invalidStandardTopicNamesAreRefused(String name) {
        assertFails(engine.createTopic(CreateTopicRequest.of(name)), ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: Topic Name");
        assertThat(await(engine.listTopics(null)).topicArns()).isEmpty();
    }

    @Test
    void topicNamesMayHave256Characters() {
        String longest = "a".repeat(256);
        assertThat(createTopic(longest)).isEqualTo(ARN_PREFIX + longest);
        assertFails(engine.createTopic(CreateTopicRequest.of("a".repeat(257))), ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: Topic Name");
        assertThat(createTopic("Az09_-")).isEqualTo(ARN_PREFIX + "Az09_-");
    }

    @Test
    void createTopicIsIdempotent() {
        Map<String, String> attributes = Map.of("DisplayName", "Orders");
        Map<String, String> tags = Map.of("team", "blue");
        String arn = await(engine.createTopic(new CreateTopicRequest("orders", attributes, tags)));
        assertThat(await(engine.createTopic(new CreateTopicRequest("orders", attributes, tags)))).isEqualTo(arn);
        assertThat(await(engine.listTopics(null)).topicArns()).containsExactly(arn);
        assertThat(topicAttributes(arn)).contains(entry("DisplayName", "Orders"));
    }

    @Test
    void createTopicWithDifferentTagsIsRefused() {
        String arn = await(engine.createTopic(new CreateTopicRequest("orders", Map.of(), Map.of("team", "blue"))));
        assertFails(engine.createTopic(new CreateTopicRequest("orders", Map.of(), Map.of("team", "red"))),
                ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: Tags Reason: Topic already exists with different tags");
        assertThat(await(engine.listTagsForResource(arn))).containsExactly(entry("team", "blue"));
    }

    @Test
    void createTopicWithDifferentAttributesIsRefused() {
        // AWS's text is unknown (research §1); the engine's code is InvalidParameter and nothing changes
        String arn = await(engine.createTopic(CreateTopicRequest.of("orders", Map.of("DisplayName", "Orders"))));
        assertThat(failure(engine.createTopic(CreateTopicRequest.of("orders", Map.of("DisplayName", "Other"))))
                .errorCode()).isEqualTo(ErrorCode.SNS_INVALID_PARAMETER);
        assertThat(topicAttributes(arn)).contains(entry("DisplayName", "Orders"));
    }

    @Test
    void createTopicWithTheNameOnlyReturnsAnExistingTopicWhateverItsAttributes() {
        String arn = createTopic("orders");
        setTopicAttribute(arn, "DisplayName", "Changed later");
        await(engine.tagResource(arn, Map.of("team", "blue")));
        assertThat(createTopic("orders")).isEqualTo(arn);
        assertThat(topicAttributes(arn)).contains(entry("DisplayName", "Changed later"));
    }

    // ---- DeleteTopic and ListTopics ----

    @Test
    void deleteTopicIsIdempotent() {
        String arn = createTopic("orders");
        String kept = createTopic("kept");
        await(engine.deleteTopic(arn));
        await(engine.deleteTopic(arn));
        assertFails(engine.getTopicAttributes(arn), ErrorCode.SNS_NOT_FOUND, "Topic does not exist");
        assertThat(await(engine.listTopics(null)).topicArns()).containsExactly(kept);
    }

    @Test
    void deleteTopicTakesItsSubscriptionsAlong() {
        String arn = createTopic("orders");
        String other = createTopic("other");
        String gone = subscribeFakeQueue(arn, "q1");
        String kept = subscribeFakeQueue(other, "q1");
        await(engine.deleteTopic(arn));
        assertThat(await(engine.listSubscriptions(null)).subscriptions())
                .extracting(s -> s.subscriptionArn()).containsExactly(kept);
        assertFails(engine.getSubscriptionAttributes(gone), ErrorCode.SNS_NOT_FOUND, "Subscription does not exist");
        createTopic("orders");
        assertThat(await(engine.listSubscriptionsByTopic(arn, null)).subscriptions()).isEmpty();
    }

    @Test
    void listTopicsPagesBy100() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            created.add(createTopic("topic-" + i));
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            ListTopicsResult page = await(engine.listTopics(token));
            pageSizes.add(page.topicArns().size());
            listed.addAll(page.topicArns());
            token = page.nextToken();
        } while (token != null);
        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    // ---- GetTopicAttributes ----

    /** What GetTopicAttributes returns for a new standard topic, as recorded from SNS. */
    private static Map<String, String> standardDefaults(String arn) {
        Map<String, String> expected = new HashMap<>();
        expected.put("DisplayName", "");
        expected.put("EffectiveDeliveryPolicy", EFFECTIVE_DELIVERY_POLICY);
        expected.put("Owner", ACCOUNT);
        expected.put("Policy", defaultPolicy(arn));
        expected.put("SubscriptionsConfirmed", "0");
        expected.put("SubscriptionsDeleted", "0");
        expected.put("SubscriptionsPending", "0");
        expected.put("TopicArn", arn);
        return expected;
    }

    @Test
    void standardTopicHasExactlyTheDefaultAttributes() {
        String arn = createTopic("orders");
        assertThat(topicAttributes(arn)).isEqualTo(standardDefaults(arn));
    }

    @Test
    void fifoTopicHasTheStandardSetPlusFifoTopicAndContentBasedDeduplication() {
        String arn = createFifoTopic("orders.fifo");
        Map<String, String> expected = standardDefaults(arn);
        expected.put("ContentBasedDeduplication", "false");
        expected.put("FifoTopic", "true");
        assertThat(topicAttributes(arn)).isEqualTo(expected);
    }

    @Test
    void subscriptionCountersFollowSubscribeAndUnsubscribe() {
        String arn = createTopic("orders");
        String first = subscribeFakeQueue(arn, "q1");
        subscribeFakeQueue(arn, "q2");
        subscribeFakeQueue(arn, "q2"); // idempotent: no new subscription
        assertThat(topicAttributes(arn)).contains(entry("SubscriptionsConfirmed", "2"),
                entry("SubscriptionsDeleted", "0"), entry("SubscriptionsPending", "0"));
        await(engine.unsubscribe(first));
        await(engine.unsubscribe(first)); // already gone: not counted again
        assertThat(topicAttributes(arn)).contains(entry("SubscriptionsConfirmed", "1"),
                entry("SubscriptionsDeleted", "1"));
    }

    // ---- SetTopicAttributes ----

    @Test
    void displayNameCanBeSetAndCleared() {
        String arn = createTopic("orders");
        setTopicAttribute(arn, "DisplayName", "Order events");
        assertThat(topicAttributes(arn)).contains(entry("DisplayName", "Order events"));
        setTopicAttribute(arn, "DisplayName", "");
        assertThat(topicAttributes(arn)).contains(entry("DisplayName", ""));
    }

    @Test
    void signatureVersionIsShownOnceSetAndTakesOneOrTwo() {
        String arn = createTopic("orders");
        assertThat(topicAttributes(arn)).doesNotContainKey("SignatureVersion");
        setTopicAttribute(arn, "SignatureVersion", "2");
        assertThat(topicAttributes(arn)).contains(entry("SignatureVersion", "2"));
        setTopicAttribute(arn, "SignatureVersion", "1");
        assertThat(topicAttributes(arn)).contains(entry("SignatureVersion", "1"));
        assertSetRefusedWithCode(arn, "SignatureVersion", "3");
        assertSetRefusedWithCode(arn, "SignatureVersion", "");
    }

    @Test
    void tracingConfigTakesPassThroughOrActive() {
        String arn = createTopic("orders");
        assertThat(topicAttributes(arn)).doesNotContainKey("TracingConfig");
        setTopicAttribute(arn, "TracingConfig", "Active");
        assertThat(topicAttributes(arn)).contains(entry("TracingConfig", "Active"));
        setTopicAttribute(arn, "TracingConfig", "PassThrough");
        assertThat(topicAttributes(arn)).contains(entry("TracingConfig", "PassThrough"));
        assertSetRefusedWithCode(arn, "TracingConfig", "active");
    }

    @Test
    void contentBasedDeduplicationIsForFifoTopicsOnly() {
        String fifo = createFifoTopic("orders.fifo");
        setTopicAttribute(fifo, "ContentBasedDeduplication", "true");
        assertThat(topicAttributes(fifo)).contains(entry("ContentBasedDeduplication", "true"));
        assertSetRefusedWithCode(fifo, "ContentBasedDeduplication", "maybe");
        String standard = createTopic("orders");
        assertSetRefused(standard, "ContentBasedDeduplication", "true", "Invalid parameter: AttributeName");
        assertThat(topicAttributes(standard)).doesNotContainKey("ContentBasedDeduplication");
    }

    @Test
    void archivePolicyIsForFifoTopicsWithOneTo365Days() {
        String fifo = createFifoTopic("orders.fifo");
        setTopicAttribute(fifo, "ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}");
        assertThat(topicAttributes(fifo)).contains(entry("ArchivePolicy", "{\"MessageRetentionPeriod\":\"1\"}"))
                .containsKey("BeginningArchiveTime");
        setTopicAttribute(fifo, "ArchivePolicy", "{\"MessageRetentionPeriod\":\"365\"}");
        assertThat(topicAttributes(fifo)).contains(entry("ArchivePolicy", "{\"MessageRetentionPeriod\":\"365\"}"));
        for (String bad : List.of("{\"MessageRetentionPeriod\":\"0\"}", "{\"MessageRetentionPeriod\":\"366\"}",
                "{\"MessageRetentionPeriod\":\"x\"}", "not json")) {
            assertSetRefusedWithCode(fifo, "ArchivePolicy", bad);
        }
        setTopicAttribute(fifo, "ArchivePolicy", "{}");
        assertThat(topicAttributes(fifo)).doesNotContainKeys("ArchivePolicy", "BeginningArchiveTime");
        String standard = createTopic("orders");
        assertSetRefused(standard, "ArchivePolicy", "{\"MessageRetentionPeriod\":\"30\"}",
                "Invalid parameter: AttributeName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoSuchAttribute", "FifoTopic", "TopicArn", "Owner", "SubscriptionsConfirmed"})
    void unknownOrReadOnlyAttributesAreRefused(String name) {
        String arn = createTopic("orders");
        assertSetRefused(arn, name, "true", "Invalid parameter: AttributeName");
    }

    // ---- topic ARNs ----

    @Test
    void missingTopicIsNotFound() {
        String missing = ARN_PREFIX + "missing";
        assertThat(assertFails(engine.getTopicAttributes(missing), ErrorCode.SNS_NOT_FOUND, "Topic does not exist")
                .errorCode().httpStatus()).isEqualTo(404);
        assertFails(engine.setTopicAttributes(missing, "DisplayName", "x"), ErrorCode.SNS_NOT_FOUND,
                "Topic does not exist");
        assertFails(engine.listSubscriptionsByTopic(missing, null), ErrorCode.SNS_NOT_FOUND, "Topic does not exist");
    }

    @Test
    void malformedTopicArnsNameTheirElementCount() {
        assertMalformed("", 1);
        assertMalformed("orders", 1);
        assertMalformed("arn:aws", 2);
        assertMalformed("arn:aws:sns:us-east-1:" + ACCOUNT, 5);
    }

    private void assertMalformed(String arn, int parts) {
        String text = "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not " + parts;
        for (Function<String, CompletableFuture<?>> call : List.<Function<String, CompletableFuture<?>>>of(
                engine::getTopicAttributes, a -> engine.setTopicAttributes(a, "DisplayName", "x"),
                engine::deleteTopic)) {
            assertFails(call.apply(arn), ErrorCode.SNS_INVALID_PARAMETER, text);
        }
    }

    @Test
    void topicArnsOfAnotherRegionOrAccountAreRefused() {
        createTopic("orders");
        for (String arn : List.of("arn:aws:sns:eu-west-1:" + ACCOUNT + ":orders",
                "arn:aws:sns:us-east-1:111111111111:orders", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders")) {
            assertFails(engine.getTopicAttributes(arn), ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: TopicArn");
        }
    }

    // ---- tags ----

    @Test
    void tagsAreAddedOverwrittenAndRemoved() {
        String arn = await(engine.createTopic(new CreateTopicRequest("orders", Map.of(), Map.of("team", "blue"))));
        await(engine.tagResource(arn, Map.of("team", "red", "env", "dev")));
        assertThat(await(engine.listTagsForResource(arn))).containsOnly(entry("team", "red"), entry("env", "dev"));
        await(engine.untagResource(arn, List.of("env", "never-set")));
        assertThat(await(engine.listTagsForResource(arn))).containsOnly(entry("team", "red"));
    }

    @Test
    void moreThan50TagsExceedTheLimit() {
        String arn = createTopic("orders");
        assertThat(failure(engine.tagResource(arn, tags(51, "a"))).errorCode())
                .isEqualTo(ErrorCode.SNS_TAG_LIMIT_EXCEEDED);
        assertThat(await(engine.listTagsForResource(arn))).isEmpty();
        await(engine.tagResource(arn, tags(50, "a")));
        await(engine.tagResource(arn, Map.of("a0", "overwritten"))); // overwriting does not add a tag
        assertThat(failure(engine.tagResource(arn, Map.of("one-more", "v"))).errorCode())
                .isEqualTo(ErrorCode.SNS_TAG_LIMIT_EXCEEDED);
        assertThat(await(engine.listTagsForResource(arn))).hasSize(50).contains(entry("a0", "overwritten"))
                .doesNotContainKey("one-more");
    }

    private static Map<String, String> tags(int count, String prefix) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put(prefix + i, "v");
        }
        return tags;
    }

    @Test
    void taggingAMissingTopicIsResourceNotFound() {
        String missing = ARN_PREFIX + "missing";
        assertThat(assertFails(engine.tagResource(missing, Map.of("k", "v")), ErrorCode.SNS_RESOURCE_NOT_FOUND,
                "Resource does not exist").errorCode().httpStatus()).isEqualTo(404);
        assertFails(engine.untagResource(missing, List.of("k")), ErrorCode.SNS_RESOURCE_NOT_FOUND,
                "Resource does not exist");
        assertFails(engine.listTagsForResource(missing), ErrorCode.SNS_RESOURCE_NOT_FOUND, "Resource does not exist");
    }
}
