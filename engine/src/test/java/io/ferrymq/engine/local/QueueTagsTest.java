package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** TagQueue, UntagQueue and ListQueueTags, and the tags CreateQueue takes, as SQS specifies them. */
class QueueTagsTest extends EngineFixture {
    private static final String KEY_LENGTH_RULE = "Tag keys must be between 1 and 128 characters in length.";

    private Map<String, String> tags(String queueUrl) {
        return await(engine.listQueueTags(queueUrl));
    }

    private CompletableFuture<Void> tag(String queueUrl, Map<String, String> tags) {
        return engine.tagQueue(queueUrl, tags);
    }

    private static Map<String, String> numberedTags(String prefix, int count) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put(prefix + i, "v" + i);
        }
        return tags;
    }

    @Test
    void aNewQueueHasNoTags() {
        assertThat(tags(createQueue("orders"))).isEmpty();
    }

    @Test
    void listsTheTagsGivenToTagQueue() {
        String url = createQueue("orders");

        await(tag(url, Map.of("team", "payments", "env", "prod")));

        assertThat(tags(url)).isEqualTo(Map.of("team", "payments", "env", "prod"));
    }

    @Test
    void addsToTheTagsAlreadyThere() {
        String url = createQueue("orders");
        await(tag(url, Map.of("team", "payments")));

        await(tag(url, Map.of("env", "prod")));

        assertThat(tags(url)).isEqualTo(Map.of("team", "payments", "env", "prod"));
    }

    @Test
    void overwritesTheValueOfAnExistingKey() {
        String url = createQueue("orders");
        await(tag(url, Map.of("env", "test")));

        await(tag(url, Map.of("env", "prod")));

        assertThat(tags(url)).isEqualTo(Map.of("env", "prod"));
    }

    @Test
    void listsTheTagsGivenAtCreation() {
        String url = await(engine.createQueue(new CreateQueueRequest("orders", Map.of(), Map.of("team", "payments"))));

        assertThat(tags(url)).isEqualTo(Map.of("team", "payments"));
    }

    @Test
    void untagRemovesOnlyTheGivenKeysAndIgnoresUnknownOnes() {
        String url = createQueue("orders");
        await(tag(url, Map.of("team", "payments", "env", "prod", "cost-centre", "42")));

        await(engine.untagQueue(url, List.of("env", "cost-centre", "never-set")));

        assertThat(tags(url)).isEqualTo(Map.of("team", "payments"));
    }

    @Test
    void acceptsAnEmptyValue() {
        String url = createQueue("orders");

        await(tag(url, Map.of("flag", "")));

        assertThat(tags(url)).isEqualTo(Map.of("flag", ""));
    }

    @Test
    void acceptsUpTo50TagsAndOverwritesAtTheLimit() {
        String url = createQueue("orders");
        await(tag(url, numberedTags("key", 50)));

        await(tag(url, Map.of("key0", "changed")));

        assertThat(tags(url)).hasSize(50).containsEntry("key0", "changed");
    }

    @Test
    void refusesATagThatWouldTakeTheQueuePast50() {
        String url = createQueue("orders");
        await(tag(url, numberedTags("key", 50)));

        assertFails(tag(url, Map.of("one-more", "x")), ErrorCode.INVALID_PARAMETER_VALUE,
                "Too many tags added for queue orders.");
        assertThat(tags(url)).hasSize(50).doesNotContainKey("one-more");
    }

    @Test
    void refusesMoreThan50TagsInOneRequest() {
        String url = createQueue("orders");

        assertFails(tag(url, numberedTags("key", 51)), ErrorCode.INVALID_PARAMETER_VALUE,
                "Too many tags added for queue orders.");
        assertThat(tags(url)).isEmpty();
    }

    @Test
    void refusesMoreThan50TagsAtCreationAndCreatesNothing() {
        assertFails(engine.createQueue(new CreateQueueRequest("orders", Map.of(), numberedTags("key", 51))),
                ErrorCode.INVALID_PARAMETER_VALUE, "Too many tags added for queue orders.");
        assertThat(failure(engine.getQueueUrl("orders")).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
    }

    @Test
    void acceptsKeysOf1To128Characters() {
        String url = createQueue("orders");

        await(tag(url, Map.of("k", "short", "k".repeat(128), "long")));

        assertThat(tags(url)).containsOnlyKeys("k", "k".repeat(128));
    }

    @Test
    void refusesAnEmptyKeyOrOneLongerThan128Characters() {
        String url = createQueue("orders");

        assertFails(tag(url, Map.of("", "v")), ErrorCode.INVALID_PARAMETER_VALUE, KEY_LENGTH_RULE);
        assertFails(tag(url, Map.of("k".repeat(129), "v")), ErrorCode.INVALID_PARAMETER_VALUE, KEY_LENGTH_RULE);
        assertFails(engine.untagQueue(url, List.of("k".repeat(129))), ErrorCode.INVALID_PARAMETER_VALUE,
                KEY_LENGTH_RULE);
        assertThat(tags(url)).isEmpty();
    }

    @Test
    void refusesAValueLongerThan256Characters() {
        String url = createQueue("orders");
        await(tag(url, Map.of("max", "v".repeat(256))));

        assertThat(failure(tag(url, Map.of("over", "v".repeat(257)))).errorCode())
                .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(tags(url)).containsOnlyKeys("max");
    }

    @Test
    void refusesEveryTagActionOnAMissingQueue() {
        String missing = "http://localhost:9324/000000000000/missing";

        assertFails(tag(missing, Map.of("team", "payments")), ErrorCode.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
        assertFails(engine.untagQueue(missing, List.of("team")), ErrorCode.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
        assertFails(engine.listQueueTags(missing), ErrorCode.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
    }

    @Test
    void refusesTagQueueWithoutTags() {
        String url = createQueue("orders");

        assertFails(tag(url, Map.of()), ErrorCode.MISSING_PARAMETER, "The request must contain the parameter Tags.");
    }

    @Test
    void refusesUntagQueueWithoutKeys() {
        String url = createQueue("orders");

        assertThat(failure(engine.untagQueue(url, List.of())).errorCode()).isEqualTo(ErrorCode.MISSING_PARAMETER);
    }
}
