package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter policies SNS refuses, with its exact error texts (docs/sns-research.md section 2). Each refused policy is
 * tried through SetSubscriptionAttributes (prefix "Invalid parameter: ") on a subscription that keeps its previous
 * policy, and through Subscribe (prefix "Invalid parameter: Attributes Reason: "), which creates nothing.
 *
 * <p>Cases numbered "#n" are the ones recorded from AWS (research section 2, numbers 1 to 41), with the Jackson
 * location suffix AWS adds, column included. Cases labelled "engine:" have no AWS recording; they pin the engine's
 * text. Policies are written with single quotes; {@link #q} makes them JSON.
 */
class FilterPolicyValidationTest extends EngineFixture {
    private static final String ATTRIBUTES = "MessageAttributes";
    private static final String BODY = "MessageBody";
    private static final String OLD_POLICY = "{\"key\":[\"old\"]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refused policy: {@code reason} is the message after the action's prefix. */
    record Refusal(String label, String scope, String policy, String reason) {
    }

    private static final String FLAT_OR_152 = "{'source':['aws.cloudwatch','aws.events','aws.test','aws.test2'],"
            + "'$or':[{'metricName':['CPUUtilization','ReadLatency','t1','t2','t3','t4']},"
            + "{'metricType':['MetricType','TestType','TestType2','TestType3'],"
            + "'$or':[{'metricId':[1234,4321,5678,9012]},{'spaceId':[1,2,3,4]}]}]}";
    private static final String NESTED_OR_160 = "{'$or':[{'metricName':['CPUUtilization','ReadLatency','TestValue']},"
            + "{'namespace':['AWS/EC2','AWS/ES']}],'detail':{'scope':['Service','Test'],"
            + "'$or':[{'source':['aws.cloudwatch']},{'type':['CloudWatch Alarm State Change','TestValue','TestValue2']}]}}";
    private static final String FLAT_OR_150 = "{'source':['aws.cloudwatch','aws.events','aws.test'],"
            + "'$or':[{'metricName':['CPUUtilization','ReadLatency','TestVal','TestVal2','TestVal3','TestVal4']},"
            + "{'metricType':['MetricType','TestType','TestType2','TestType3'],"
            + "'$or':[{'metricId':[1234,4321,5678,9012]},{'spaceId':[1,2,3,4,5,6,7]}]}]}";
    private static final String NESTED_216 = "{'key_a':{'key_b':{'key_c':['value_one','value_two','value_three',"
            + "'value_four']}},'key_d':{'key_e':['value_one','value_two','value_three']},"
            + "'key_f':['value_one','value_two','value_three']}";
    private static final String SIX_KEYS = "{'key1':['value1'],'key2':['value2'],'key3':['value3'],'key4':['value4'],"
            + "'key5':['value5'],'key6':['value6']}";

    private static final List<Refusal> REFUSALS = List.of(
            // recorded from AWS: Event Ruler's texts with the location suffix
            rule("#1 list in a list", "{'key':[['value']]}", "Match value must be String, number, true, false, or null", 10),
            rule("#2 unknown operator", "{'key':[{'wrong-operator':true}]}", "Unrecognized match type wrong-operator", 31),
            rule("#3 two operators in one match", "{'key':[{'suffix':'value','prefix':'value2'}]}", "Only one key allowed in match expression", 37),
            rule("#4 suffix with a number", "{'key':[{'suffix':100}]}", "suffix match pattern must be a string", 22),
            rule("#5 suffix with null", "{'key':[{'suffix':null}]}", "suffix match pattern must be a string", 23),
            rule("#6 suffix with an empty list", "{'key':[{'suffix':[]}]}", "suffix match pattern must be a string", 20),
            rule("#7 suffix with a list", "{'key':[{'suffix':['test','test2']}]}", "suffix match pattern must be a string", 20),
            rule("#8 operator object not in a list", "{'key':{'suffix':'value'}}", "\"suffix\" must be an object or an array", 19),
            rule("#9 two operators not in a list", "{'key':{'suffix':'value','prefix':'value'}}", "\"suffix\" must be an object or an array", 19),
            rule("#10 non-operator not in a list", "{'key':{'not-an-operator':'value'}}", "\"not-an-operator\" must be an object or an array", 28),
            rule("#11 numeric empty", "{'key':[{'numeric':[]}]}", "Invalid member in numeric match: ]", 22),
            rule("#12 numeric unknown operator", "{'key':[{'numeric':['operator']}]}", "Unrecognized numeric range operator: operator", 32),
            rule("#13 numeric value before operator", "{'key':[{'numeric':[1,'<=']}]}", "Invalid member in numeric match: 1", 22),
            rule("#14 numeric = with a string", "{'key':[{'numeric':['=','000']}]}", "Value of equals must be numeric", 26),
            rule("#15 numeric >= without value", "{'key':[{'numeric':['>=']}]}", "Value of >= must be numeric", 26),
            rule("#16 numeric range top first", "{'key':[{'numeric':['<',100,'>',10]}]}", "Too many elements in numeric expression", 30),
            rule("#17 numeric two lower bounds", "{'key':[{'numeric':['>=',1,'>',2]}]}", "Bad numeric range operator: >", 31),
            rule("#18 numeric bottom above top", "{'key':[{'numeric':['>',3,'<',1]}]}", "Bottom must be less than top", 33),
            rule("#19 numeric range without top value", "{'key':[{'numeric':['>',20,'<=']}]}", "Value of <= must be numeric", 33),
            rule("#20 numeric range without top operator", "{'key':[{'numeric':['>',20,30]}]}", "Bad value in numeric range: 30", 30),
            rule("#21 numeric range with a bad operator", "{'key':[{'numeric':['>',20,'test']}]}", "Bad numeric range operator: test", 34),
            rule("#22 numeric range bottom a string", "{'key':[{'numeric':['>','20','<','30']}]}", "Value of > must be numeric", 26),
            rule("#23 numeric range top a string", "{'key':[{'numeric':['>',20,'<','30']}]}", "Value of < must be numeric", 33),
            rule("#24 numeric range of three terms", "{'key':[{'numeric':['>',20,'<',30,'<',50]}]}", "Too many terms in numeric range expression", 36),
            rule("#25 exists null", "{'key':[{'exists':null}]}", "exists match pattern must be either true or false.", 23),
            rule("#26 exists string", "{'key':[{'exists':'no'}]}", "exists match pattern must be either true or false.", 20),
            rule("#27 anything-but unknown operator", "{'key':[{'anything-but':{'wrong-operator':null}}]}", "Unsupported anything-but pattern: wrong-operator", 47),
            rule("#28 anything-but suffix", "{'key':[{'anything-but':{'suffix':'test'}}]}", "Unsupported anything-but pattern: suffix", 36),
            rule("#29 anything-but exists", "{'key':[{'anything-but':{'exists':false}}]}", "Unsupported anything-but pattern: exists", 40),
            rule("#30 anything-but prefix not a string", "{'key':[{'anything-but':{'prefix':false}}]}", "prefix match pattern must be a string", 40),
            // recorded from AWS: SNS's limits, no suffix
            plain("#31 151 values in one key", ATTRIBUTES, "{'key':[" + values(151) + "]}", "FilterPolicy: Filter policy is too complex"),
            plain("#32 100 x 51 values", ATTRIBUTES, "{'key1':[" + values(100) + "],'key2':[" + values(51) + "]}", "FilterPolicy: Filter policy is too complex"),
            plain("#33/#38 six keys", ATTRIBUTES, SIX_KEYS, "FilterPolicy: Filter policy can not have more than 5 keys"),
            plain("#34 flat $or, 24+64+64 = 152", ATTRIBUTES, FLAT_OR_152, "FilterPolicy: Filter policy is too complex"),
            plain("#35 nested $or, 24+72+16+48 = 160", BODY, NESTED_OR_160, "FilterPolicy: Filter policy is too complex"),
            plain("#36 nested policy in the MessageAttributes scope", ATTRIBUTES, "{'object':{'key':[{'prefix':'auto-'}]}}", "Filter policy scope MessageAttributes does not support nested filter policy"),
            plain("#37 nested depths 3x4x2x3x1x3 = 216", BODY, NESTED_216, "FilterPolicy: Filter policy is too complex"),
            new Refusal("#39 value not in a list", BODY, q("{'key_a':'value_one'}"), "FilterPolicy: \"key_a\" must be an object or an array" + at(q("{'key_a':'value_one'}"), 11)),
            new Refusal("#40 invalid JSON", ATTRIBUTES, "{invalidjson}", "FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name" + at("{invalidjson}", 3)),
            // as recorded, the location refers to the policy re-serialized without spaces
            new Refusal("#1 sent with spaces", ATTRIBUTES, "{\"key\": [[\"value\"]]}", "FilterPolicy: Match value must be String, number, true, false, or null" + at("{\"key\":[[\"value\"]]}", 10)),
            new Refusal("#4 sent with spaces", ATTRIBUTES, "{ \"key\" : [ { \"suffix\" : 100 } ] }", "FilterPolicy: suffix match pattern must be a string" + at("{\"key\":[{\"suffix\":100}]}", 22)),

            // no AWS recording: the engine's texts (Event Ruler's where it has one)
            rule("engine: wildcard", "{'key':[{'wildcard':'a*'}]}", "Unrecognized match type wildcard", 25),
            rule("engine: anything-but equals-ignore-case", "{'key':[{'anything-but':{'equals-ignore-case':'x'}}]}", "Unsupported anything-but pattern: equals-ignore-case", 48),
            rule("engine: anything-but wildcard", "{'key':[{'anything-but':{'wildcard':'x*'}}]}", "Unsupported anything-but pattern: wildcard", 38),
            rule("engine: empty list", "{'key':[]}", "Empty arrays are not allowed", 10),
            rule("engine: empty object", "{}", "Empty objects are not allowed", 3),
            rule("engine: empty match expression", "{'key':[{}]}", "Match expression name not found", 11),
            rule("engine: prefix not a string", "{'key':[{'prefix':1}]}", "prefix match pattern must be a string", 20),
            rule("engine: equals-ignore-case not a string", "{'key':[{'equals-ignore-case':1}]}", "equals-ignore-case match pattern must be a string", 32),
            rule("engine: cidr not a string", "{'ip':[{'cidr':1}]}", "prefix match pattern must be a string", 17),
            rule("engine: policy not an object", "['a']", "Filter is not an object", 2),
            rule("engine: $or with one alternative", "{'$or':[{'a':['b']}]}", "There must have at least 2 Objects in $or relationship.", 21),
            rule("engine: $or of strings", "{'$or':['a','b']}", "Only JSON object is allowed in array of $or relationship.", 10),
            rule("engine: anything-but empty list", "{'key':[{'anything-but':[]}]}", "Inside anything but list, either all values are number or string, mixed type is not supported", 27),
            plain("engine: cidr without mask", ATTRIBUTES, "{'ip':[{'cidr':'10.0.0.0'}]}", "FilterPolicy: Malformed CIDR, one '/' required"),
            plain("engine: cidr mask not a number", ATTRIBUTES, "{'ip':[{'cidr':'10.0.0.0/x'}]}", "FilterPolicy: Malformed CIDR, mask bits must be an integer"),
            plain("engine: cidr /32 (Event Ruler wants fewer mask bits)", ATTRIBUTES, "{'ip':[{'cidr':'10.0.0.1/32'}]}", "FilterPolicy: IPv4 mask bits must be < 32"),
            plain("engine: number above 1e9", ATTRIBUTES, "{'key':[{'numeric':['>',1000000001]}]}", "FilterPolicy: " + numbers("1000000001")),
            plain("engine: number with 6 decimals", ATTRIBUTES, "{'key':[1.123456]}", "FilterPolicy: " + numbers("1.123456")),
            plain("engine: anything-but number below -1e9", ATTRIBUTES, "{'key':[{'anything-but':[-10000000000]}]}", "FilterPolicy: " + numbers("-10000000000")),
            plain("engine: nested 76 values at depth 2 = 152", BODY, "{'a':{'b':[" + values(76) + "]}}", "FilterPolicy: Filter policy is too complex"),
            plain("engine: nested $or in the MessageAttributes scope", ATTRIBUTES, "{'$or':[{'a':{'b':['c']}},{'d':['e']}]}", "Filter policy scope MessageAttributes does not support nested filter policy"),
            plain("engine: over 256 KB", ATTRIBUTES, "{'key':['" + "x".repeat(FilterPolicy.MAX_BYTES) + "']}", "FilterPolicy: Filter policy is too big")
    );

    /** Policies SNS accepts at the edge of its limits (research section 2). */
    private static final List<Arguments> ACCEPTED = List.of(
            accepted("$or totaling exactly 150", ATTRIBUTES, q(FLAT_OR_150)),
            accepted("nested 75 values at depth 2 = 150", BODY, q("{'a':{'b':[" + values(75) + "]}}")),
            accepted("150 values in one key", ATTRIBUTES, q("{'key':[" + values(150) + "]}")),
            accepted("five keys", ATTRIBUTES, q("{'k1':['a'],'k2':['a'],'k3':['a'],'k4':['a'],'k5':['a']}")),
            accepted("six keys under one parent (only parent keys count)", BODY,
                    q("{'p':{'k1':['a'],'k2':['a'],'k3':['a'],'k4':['a'],'k5':['a'],'k6':['a']}}")),
            accepted("anything-but prefix", ATTRIBUTES, q("{'key':[{'anything-but':{'prefix':'test-'}}]}")),
            accepted("anything-but list", ATTRIBUTES, q("{'key':[{'anything-but':['test','test2']}]}")),
            accepted("anything-but string", ATTRIBUTES, q("{'key':[{'anything-but':'test'}]}")),
            accepted("numbers at the limits", ATTRIBUTES, q("{'key':[-1000000000,1000000000,0.00001,{'numeric':['>',-999999999.99999]}]}")),
            accepted("spaces are kept as sent", ATTRIBUTES, "{ \"key\" : [ \"a\" , { \"prefix\" : \"b\" } ] }"),
            accepted("nested policy in the MessageBody scope", BODY, q("{'object':{'key':[{'prefix':'auto-'}]}}"))
    );

    static Stream<Arguments> refusals() {
        return REFUSALS.stream().map(r -> Arguments.of(Named.of(r.label(), r)));
    }

    static Stream<Arguments> accepted() {
        return ACCEPTED.stream();
    }

    // ---- refusals ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void setSubscriptionAttributesRefusesAndKeepsThePreviousPolicy(Refusal r) {
        String topic = topic();
        String queue = createQueue("q");
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                Map.of("FilterPolicy", OLD_POLICY, "FilterPolicyScope", r.scope()))));
        Map<String, String> before = await(engine.getSubscriptionAttributes(subscription));

        assertFails(engine.setSubscriptionAttributes(subscription, "FilterPolicy", r.policy()),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: " + r.reason());

        Map<String, String> after = await(engine.getSubscriptionAttributes(subscription));
        assertThat(after).isEqualTo(before).containsEntry("FilterPolicy", OLD_POLICY)
                .containsEntry("FilterPolicyScope", r.scope());
        String oldId = publish(topic, r.scope(), "old");
        publish(topic, r.scope(), "new");
        assertThat(messageIds(queue)).as("the old policy still filters").containsExactly(oldId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void subscribeRefusesAndCreatesNothing(Refusal r) {
        String topic = topic();
        String queue = createQueue("q");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("FilterPolicy", r.policy());
        if (r.scope().equals(BODY)) {
            attributes.put("FilterPolicyScope", BODY);
        }

        assertFails(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue), attributes)),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: Attributes Reason: " + r.reason());

        assertThat(await(engine.listSubscriptionsByTopic(topic, null)).subscriptions()).isEmpty();
        assertThat(await(engine.listSubscriptions(null)).subscriptions()).isEmpty();
        publish(topic, r.scope(), "old");
        assertThat(receive(queue, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsAndReturnsThePolicyAsSent(String scope, String policy) {
        String topic = topic();
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(createQueue("q")),
                Map.of("FilterPolicy", policy, "FilterPolicyScope", scope))));
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .containsEntry("FilterPolicy", policy).containsEntry("FilterPolicyScope", scope);

        String other = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(createQueue("q2")),
                Map.of("FilterPolicyScope", scope))));
        await(engine.setSubscriptionAttributes(other, "FilterPolicy", policy));
        assertThat(await(engine.getSubscriptionAttributes(other))).containsEntry("FilterPolicy", policy);
    }

    // ---- FilterPolicyScope ----

    @Test
    void invalidScopeAtSetSubscriptionAttributes() { // #41
        String topic = topic();
        String queue = createQueue("q");
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                Map.of("FilterPolicy", OLD_POLICY))));

        assertFails(engine.setSubscriptionAttributes(subscription, "FilterPolicyScope", "RandomValue"),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]."
                        + " Please use either MessageBody or MessageAttributes");

        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .containsEntry("FilterPolicy", OLD_POLICY).containsEntry("FilterPolicyScope", ATTRIBUTES);
    }

    @Test
    void invalidScopeAtSubscribe() {
        String topic = topic();
        String queue = createQueue("q");

        assertFails(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                        Map.of("FilterPolicy", OLD_POLICY, "FilterPolicyScope", "messagebody"))),
                ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid"
                        + " value [messagebody]. Please use either MessageBody or MessageAttributes");
        assertThat(await(engine.listSubscriptionsByTopic(topic, null)).subscriptions()).isEmpty();
    }

    @Test
    void scopeIsShownOnlyWithAPolicy() { // research section 5, [AWS-REC]
        String topic = topic();
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(createQueue("q")))));
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .doesNotContainKeys("FilterPolicy", "FilterPolicyScope");

        await(engine.setSubscriptionAttributes(subscription, "FilterPolicyScope", BODY));
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .doesNotContainKeys("FilterPolicy", "FilterPolicyScope");

        // the scope set before is the one the policy is checked and matched in: nesting is allowed
        String nested = "{\"object\":{\"key\":[{\"prefix\":\"auto-\"}]}}";
        await(engine.setSubscriptionAttributes(subscription, "FilterPolicy", nested));
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .containsEntry("FilterPolicy", nested).containsEntry("FilterPolicyScope", BODY);
    }

    @Test
    void defaultScopeIsShownOnceAPolicyIsSet() {
        String topic = topic();
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(createQueue("q")))));
        await(engine.setSubscriptionAttributes(subscription, "FilterPolicy", "{\"attr\":[\"match-this\"]}"));
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .containsEntry("FilterPolicy", "{\"attr\":[\"match-this\"]}")
                .containsEntry("FilterPolicyScope", ATTRIBUTES);
    }

    @Test
    void engineRefusesAScopeChangeThatMakesThePolicyInvalid() { // AWS behaviour not recorded
        String topic = topic();
        String nested = "{\"object\":{\"key\":[\"a\"]}}";
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(createQueue("q")),
                Map.of("FilterPolicy", nested, "FilterPolicyScope", BODY))));

        assertFails(engine.setSubscriptionAttributes(subscription, "FilterPolicyScope", ATTRIBUTES),
                ErrorCode.SNS_INVALID_PARAMETER,
                "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .containsEntry("FilterPolicy", nested).containsEntry("FilterPolicyScope", BODY);
    }

    // ---- removing the policy ----

    @Test
    void emptyFilterPolicyRemovesThePolicy() { // research section 3, [AWS-REC-T]
        String topic = topic();
        String queue = createQueue("q");
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                Map.of("FilterPolicy", "{\"attr1\":[null,{\"anything-but\":\"whatever\"}]}"))));
        String dropped = await(engine.publish(PublishRequest.of(topic, "This the test message for null"))).messageId();
        assertThat(messageIds(queue)).as("no attributes: filtered out").isEmpty();

        await(engine.setSubscriptionAttributes(subscription, "FilterPolicy", ""));

        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .doesNotContainKeys("FilterPolicy", "FilterPolicyScope");
        String delivered = await(engine.publish(PublishRequest.of(topic, "This the test message for null")))
                .messageId();
        assertThat(messageIds(queue)).containsExactly(delivered).doesNotContain(dropped);
    }

    @Test
    void emptyFilterPolicyRemovesABodyPolicyAndItsScope() {
        String topic = topic();
        String queue = createQueue("q");
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                Map.of("FilterPolicy", "{\"k\":[\"v\"]}", "FilterPolicyScope", BODY))));
        assertThat(await(engine.getSubscriptionAttributes(subscription))).containsEntry("FilterPolicyScope", BODY);

        await(engine.setSubscriptionAttributes(subscription, "FilterPolicy", ""));

        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .doesNotContainKeys("FilterPolicy", "FilterPolicyScope");
        List<String> sent = new ArrayList<>();
        for (String body : List.of("not json", "{\"k\":\"other\"}", "\"a string\"")) {
            sent.add(await(engine.publish(PublishRequest.of(topic, body))).messageId());
        }
        sent.add(await(engine.publish(PublishRequest.of(topic, "m")
                .withMessageAttributes(Map.of("k", MessageAttributeValue.string("x"))))).messageId());
        assertThat(messageIds(queue)).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void emptyFilterPolicyAtSubscribeMeansNoPolicy() {
        String topic = topic();
        String queue = createQueue("q");
        String subscription = await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                Map.of("FilterPolicy", ""))));
        assertThat(await(engine.getSubscriptionAttributes(subscription)))
                .doesNotContainKeys("FilterPolicy", "FilterPolicyScope");
        String id = await(engine.publish(PublishRequest.of(topic, "m"))).messageId();
        assertThat(messageIds(queue)).containsExactly(id);
    }

    // ---- helpers ----

    private String topic() {
        return await(engine.createTopic(CreateTopicRequest.of("t")));
    }

    /** Publishes a message whose "key" is {@code value}, where the scope looks for it. */
    private String publish(String topic, String scope, String value) {
        PublishRequest request = scope.equals(BODY)
                ? PublishRequest.of(topic, "{\"key\":\"" + value + "\"}")
                : PublishRequest.of(topic, "m").withMessageAttributes(Map.of("key", MessageAttributeValue.string(value)));
        return await(engine.publish(request)).messageId();
    }

    private List<String> messageIds(String queueUrl) {
        List<String> ids = new ArrayList<>();
        for (Message m : receive(queueUrl, 10)) {
            try {
                ids.add(JSON.readTree(m.body()).get("MessageId").asText());
            } catch (Exception e) {
                throw new AssertionError("not an SNS envelope: " + m.body(), e);
            }
        }
        return ids;
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Jackson's location suffix, as SNS appends it to Event Ruler's messages. */
    private static String at(String compactPolicy, int column) {
        return "\n at [Source: (String)\"" + compactPolicy + "\"; line: 1, column: " + column + "]";
    }

    /** An Event Ruler refusal in the MessageAttributes scope, with its location. */
    private static Refusal rule(String label, String policy, String reason, int column) {
        return new Refusal(label, ATTRIBUTES, q(policy), "FilterPolicy: " + reason + at(q(policy), column));
    }

    private static Refusal plain(String label, String scope, String policy, String reason) {
        return new Refusal(label, scope, q(policy), reason);
    }

    private static Arguments accepted(String label, String scope, String policy) {
        return Arguments.of(Named.of(label, scope), policy);
    }

    private static String numbers(String value) {
        return "Numbers must be between -1.0E9 and 1.0E9 with at most 5 digits after the decimal point: " + value;
    }

    /** 'value0','value1',... */
    private static String values(int n) {
        return IntStream.range(0, n).mapToObj(i -> "'value" + i + "'").collect(Collectors.joining(","));
    }
}
