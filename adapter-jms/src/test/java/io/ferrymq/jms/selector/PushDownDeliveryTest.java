package io.ferrymq.jms.selector;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisive test of the push-down: every selector below becomes a queue subscribed to one LocalEngine topic with
 * its translated filter policy; every message below is published with {@link FilterAttributes#of}. A queue must get
 * every message its selector matches (the policy never loses one), and, when the translation says exact, nothing
 * else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushDownDeliveryTest {
    static final List<String> SELECTORS = List.of(
            // strings
            "a = 'abc'", "a <> 'abc'", "NOT (a = 'abc')", "NOT (a <> 'abc')", "a = ''", "a <> ''", "a = '5'",
            "a = 'true'", "a = 'NaN'",
            // numbers
            "a = 5", "a <> 5", "NOT (a = 5)", "NOT (a <> 5)", "a > 5", "a >= 5", "a < 5", "a <= 0", "NOT (a > 5)",
            "NOT (a <= 5)", "a = 1.1", "a > 0.00001", "a < 0", "a = 0", "a <> 0", "a > 1000000000",
            "a >= 999999999.99999", "a > 5000000000", "a < -5000000000", "a = 1.0000001", "a <> 1.0000001",
            "NOT (a = 1.0000001)", "a > 1.0000001", "NOT (a > 1.0000001)", "5 < a", "a > 2 * 2", "a = 1 / 0",
            "a = -7", "a > 9007199254740992",
            // BETWEEN
            "a BETWEEN 1 AND 10", "a NOT BETWEEN 1 AND 10", "NOT (a BETWEEN 1 AND 10)",
            "NOT (a NOT BETWEEN 1 AND 10)", "a BETWEEN 10 AND 1", "NOT (a BETWEEN 10 AND 1)",
            "a NOT BETWEEN 10 AND 1", "a BETWEEN 1.5 AND 1.5", "a BETWEEN 0.0000001 AND 5000000000",
            // booleans
            "a = TRUE", "a", "NOT a", "a <> TRUE", "NOT (a = FALSE)", "NOT (a <> FALSE)", "a = FALSE OR a",
            // IN, LIKE
            "a IN ('abc', 'true', 'NaN')", "a NOT IN ('abc', '')", "NOT (a NOT IN ('abc', ''))",
            "a LIKE 'ab%'", "a LIKE '%bc'", "a LIKE '%'", "a LIKE 'abc'", "a NOT LIKE 'ab%'", "a NOT LIKE '%'",
            "a NOT LIKE 'abc'", "a NOT LIKE '%bc'", "a LIKE 'a_c'", "a LIKE 'a%c'", "a LIKE '%5'",
            "a LIKE '100!%' ESCAPE '!'", "a LIKE '%ue'", "a LIKE '%%c'", "a LIKE '_'",
            // NULL
            "a IS NULL", "a IS NOT NULL", "NOT (a IS NULL)", "a IS NULL OR a IS NOT NULL", "a + 1 IS NULL",
            // what SNS cannot say
            "a + 1 > 5", "a = n", "NOT (a = n)", "a * 2 = 10 OR b", "-a = 5",
            // combinations
            "JMSType = 'car' AND color = 'blue' AND weight > 2500", "color = 'blue' OR weight < 2500",
            "NOT (color = 'red' OR weight > 2500)", "NOT (color = 'red' AND weight > 2500)",
            "a = 'abc' AND b = TRUE AND n > 5", "(a = 'abc' OR a = 'xabc') AND n IS NULL", "a = 'abc' OR n = 10 OR b",
            "a > 1 AND a < 10", "NOT (a > 1 AND a < 10)", "a > 1 AND a <> 3 AND a < 10", "a = 'abc' AND a = 5",
            "a IN ('abc', 'ab') AND a LIKE 'ab%'", "(a = 5 OR a = 'abc') AND (n = 10 OR b)",
            "a IS NULL AND a = 5", "(a IS NULL OR a = 5) AND a <> 6",
            // headers and properties SNS does not carry
            "JMSCorrelationID = 'abc'", "JMSType = ''", "JMSDeliveryMode = 'PERSISTENT'", "JMSPriority > 3",
            "JMSMessageID LIKE 'ID:%'", "JMSTimestamp > 0", "JMSXDeliveryCount > 1", "$x = 1", "JMSXGroupSeq = 2",
            // constants
            "FALSE", "TRUE", "1 = 1", "1 = 2", "NOT (1 / 0 = 1)",
            // limits: six attributes, then 200 values
            "c1 = 'x' AND c2 = 'x' AND c3 = 'x' AND c4 = 'x' AND c5 = 'x' AND a = 'abc'",
            "a IN (" + IntStream.range(0, 200).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(", "))
                    + ", 'abc')",
            "(a = 'abc' OR a = 'x1' OR a = 'x2') AND (n = 10 OR n = 11 OR n = 12) AND (b OR c1 = 'a' OR c2 = 'b')"
                    + " AND (c3 = '1' OR c3 = '2') AND (c4 IN ('a', 'b', 'c') OR c5 IS NULL)");

    static List<TestMessage> messages() {
        List<TestMessage> m = new ArrayList<>();
        m.add(msg());
        for (Object a : new Object[] {"abc", "", "5", 5, 5.0, true, false, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Long.MAX_VALUE, Long.MIN_VALUE, 9007199254740993L, (short) -7, (byte) 0,
                -0.0, 1.1f, 1.1, 0.000001, 1e-200, 1e300, 1_000_000_000L, 1_000_000_001L, "true", "NaN", "abcdef",
                "xabc", "ab", "a_c", "100%", 2.5f, " abc", 999999999.99999, 1.0000001, 1.5, 3, 6, 10, 15L, "15",
                "é€", "ABC", "ac", "x"}) {
            m.add(msg("a", a));
        }
        m.add(msg("color", "blue", "weight", 3000L).type("car"));
        m.add(msg("color", "red", "weight", 3000));
        m.add(msg("color", "blue", "weight", 2000).type("car"));
        m.add(msg("color", "blue"));
        m.add(msg("a", "abc", "b", true, "n", 10));
        m.add(msg("a", 12, "b", false, "n", -3.5));
        m.add(msg("a", "15", "n", 15));
        m.add(msg("a", 5, "n", 5));
        m.add(msg("a", "xabc"));
        m.add(msg("a", "x1", "n", 12, "c1", "a", "c3", "2", "c4", "c"));
        m.add(msg("a", "abc", "n", 11, "b", true, "c3", "1"));
        m.add(msg("c1", "x", "c2", "x", "c3", "x", "c4", "x", "c5", "x", "a", "abc"));
        m.add(msg("c1", "x", "c2", "x", "c3", "x", "c4", "x", "c5", "y", "a", "abc"));
        m.add(msg("a", "v7"));
        m.add(msg("a", true, "b", true, "n", 5));
        m.add(msg("$x", 1, "a", "zz"));
        m.add(msg("JMSXDeliveryCount", 2, "JMSXGroupSeq", 2, "a", 3));
        TestMessage headers = msg("a", "h");
        headers.setJMSCorrelationID("abc");
        headers.setJMSType("");
        headers.setJMSMessageID("ID:1");
        headers.setJMSTimestamp(1_700_000_000_000L);
        headers.setJMSPriority(9);
        m.add(headers);
        TestMessage nonPersistent = msg();
        nonPersistent.setJMSDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT);
        nonPersistent.setJMSPriority(0);
        m.add(nonPersistent);
        return m;
    }

    private static TestMessage msg(Object... nameValue) {
        return JmsSelectorTest.msg(nameValue);
    }

    private LocalEngine engine;
    private final List<TestMessage> messages = messages();
    private final Map<String, TreeSet<Integer>> delivered = new java.util.HashMap<>();
    private final Map<String, PushDown> pushDowns = new java.util.HashMap<>();

    @BeforeAll
    void publishEverything() throws Exception {
        engine = LocalEngine.create();
        String topic = get(engine.createTopic(CreateTopicRequest.of("selectors")));
        Map<String, String> queues = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String selector : SELECTORS) {
            PushDown p = SelectorPushDown.translate(selector);
            pushDowns.put(selector, p);
            String queue = get(engine.createQueue(CreateQueueRequest.of("q" + i++)));
            String arn = get(engine.getQueueAttributes(queue, List.of("QueueArn"))).get("QueueArn");
            Map<String, String> attributes = p.filterPolicy()
                    .map(policy -> Map.of("FilterPolicy", policy, "FilterPolicyScope", PushDown.SCOPE))
                    .orElse(Map.of());
            get(engine.subscribe(SubscribeRequest.sqs(topic, arn, attributes)));
            queues.put(selector, queue);
        }
        for (int m = 0; m < messages.size(); m++) {
            get(engine.publish(PublishRequest.of(topic, Integer.toString(m))
                    .withMessageAttributes(FilterAttributes.of(messages.get(m)))));
        }
        for (Map.Entry<String, String> q : queues.entrySet()) {
            delivered.put(q.getKey(), drain(q.getValue()));
        }
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    List<String> selectors() {
        return SELECTORS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectors")
    void deliversEverySelectedMessageAndWhenExactNothingElse(String selector) throws Exception {
        JmsSelector s = JmsSelector.parse(selector);
        TreeSet<Integer> selected = new TreeSet<>();
        for (int m = 0; m < messages.size(); m++) {
            if (s.matches(messages.get(m))) {
                selected.add(m);
            }
        }
        TreeSet<Integer> got = delivered.get(selector);
        PushDown p = pushDowns.get(selector);
        String policy = p.filterPolicy().orElse("(none)");
        TreeSet<Integer> lost = new TreeSet<>(selected);
        lost.removeAll(got);
        assertThat(lost).as("lost by policy %s: %s", policy, describe(lost)).isEmpty();
        if (p.exact()) {
            TreeSet<Integer> extra = new TreeSet<>(got);
            extra.removeAll(selected);
            assertThat(extra).as("exact policy %s let through %s", policy, describe(extra)).isEmpty();
        }
    }

    private String describe(TreeSet<Integer> indexes) {
        return indexes.stream().map(i -> i + "=" + messages.get(i)).collect(Collectors.joining(", "));
    }

    private TreeSet<Integer> drain(String queue) throws Exception {
        TreeSet<Integer> bodies = new TreeSet<>();
        while (true) {
            List<Message> got = get(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(10)))
                    .messages();
            if (got.isEmpty()) {
                return bodies;
            }
            for (Message m : got) {
                bodies.add(Integer.parseInt(JsonBody.message(m.body())));
                get(engine.deleteMessage(queue, m.receiptHandle()));
            }
        }
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }
}
