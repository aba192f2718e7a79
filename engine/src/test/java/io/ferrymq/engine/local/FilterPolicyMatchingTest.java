package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SNS filter policies end to end: a topic, a queue subscribed with the policy, one publish, and whether the queue got
 * it. One row of {@link #TABLE} is one case. Policies and bodies are written with single quotes for readability;
 * {@link #q} turns them into double quotes (no case needs an apostrophe).
 *
 * <p>Expected verdicts follow docs/sns-research.md section 3 ([AWS-REC], [AWS-REC-T], [AWS-DOC]). Rows marked
 * "engine:" pin what the engine does where AWS behaviour is not recorded.
 */
class FilterPolicyMatchingTest extends EngineFixture {
    private static final boolean MATCH = true;
    private static final boolean NO_MATCH = false;
    private static final String ATTRIBUTES = "MessageAttributes";
    private static final String BODY = "MessageBody";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String description, String scope, String policy, String body,
                Map<String, MessageAttributeValue> attributes, boolean match) {
        String label() {
            return (scope.equals(BODY) ? "[body] " : "[attrs] ") + description + (match ? " -> match" : " -> no match");
        }
    }

    record Attr(String name, MessageAttributeValue value) {
    }

    // ---- the table ----

    private static final String NESTED_OR = "{'source':['aws'],'$or':[{'metricName':['CPU']},"
            + "{'metricType':['T'],'$or':[{'metricId':[1234]},{'spaceId':[1]}]}]}";
    private static final String RECORDS = "{'Records':{'s3':{'object':{'key':[{'prefix':'auto-'}]}},"
            + "'eventName':[{'prefix':'ObjectCreated:'}]}}";
    private static final String EXISTS_BODY = "{'object':{'key':[{'prefix':'auto-'},'hardcodedvalue'],"
            + "'nested_key':[{'exists':false}]},'test':[{'exists':false}]}";
    private static final String OR_BODY = "{'$or':[{'metricName':['CPUUtilization','ReadLatency']},"
            + "{'namespace':['AWS/EC2','AWS/ES']}],'detail':{'scope':['Service'],"
            + "'$or':[{'source':['aws.cloudwatch']},{'type':['CloudWatch Alarm State Change']}]}}";

    private static final List<Case> TABLE = List.of(
            // exact string; OR across values; AND across keys
            a("exact string", "{'store':['example_corp']}", MATCH, str("store", "example_corp")),
            a("exact string is case-sensitive", "{'store':['example_corp']}", NO_MATCH, str("store", "Example_Corp")),
            a("exact string, other value", "{'store':['example_corp']}", NO_MATCH, str("store", "other_corp")),
            a("exact string, key missing (another present)", "{'store':['example_corp']}", NO_MATCH, str("shop", "example_corp")),
            a("exact string does not trim", "{'store':['a']}", NO_MATCH, str("store", " a")),
            a("exact string, other attributes ignored", "{'store':['a']}", MATCH, str("store", "a"), str("x", "y")),
            a("OR across values, second", "{'store':['a','b','c']}", MATCH, str("store", "b")),
            a("OR across values, none", "{'store':['a','b','c']}", NO_MATCH, str("store", "d")),
            a("AND across keys, both", "{'store':['a'],'event':['order']}", MATCH, str("store", "a"), str("event", "order")),
            a("AND across keys, one differs", "{'store':['a'],'event':['order']}", NO_MATCH, str("store", "a"), str("event", "cancel")),
            a("AND across keys, one missing", "{'store':['a'],'event':['order']}", NO_MATCH, str("store", "a")),
            a("AND of three keys with OR values", "{'a':['1','2'],'b':['x','y'],'c':['z']}", MATCH, str("a", "2"), str("b", "x"), str("c", "z")),
            a("dotted attribute name", "{'my.attr':['x']}", MATCH, str("my.attr", "x")),
            a("unicode string", "{'city':['Zürich']}", MATCH, str("city", "Zürich")),
            a("engine: string policy '5' vs Number 5 (AWS unknown)", "{'k':['5']}", NO_MATCH, num("k", "5")),
            a("string policy vs Binary attribute of the same bytes", "{'k':['x']}", NO_MATCH, bin("k", "x"), str("o", "p")),

            // exact number: Number attributes compare numerically
            a("number [5] vs Number 5", "{'k':[5]}", MATCH, num("k", "5")),
            a("number [5] vs Number 5.0", "{'k':[5]}", MATCH, num("k", "5.0")),
            a("number [5.0] vs Number 5", "{'k':[5.0]}", MATCH, num("k", "5")),
            a("number [5] vs Number 5.000", "{'k':[5]}", MATCH, num("k", "5.000")),
            a("number [301.5] vs Number 3.015e2", "{'k':[301.5]}", MATCH, num("k", "3.015e2")),
            a("number [5] vs Number 6", "{'k':[5]}", NO_MATCH, num("k", "6")),
            a("number [-5] vs Number -5", "{'k':[-5]}", MATCH, num("k", "-5")),
            a("number [0.25] vs Number 0.250", "{'k':[0.25]}", MATCH, num("k", "0.250")),
            a("number [5] vs Number -5", "{'k':[5]}", NO_MATCH, num("k", "-5")),
            a("engine: number [5] vs String '5' (AWS unknown)", "{'k':[5]}", NO_MATCH, str("k", "5")),
            a("number list [1,2,3] vs Number 3", "{'k':[1,2,3]}", MATCH, num("k", "3")),

            // prefix
            a("prefix", "{'k':[{'prefix':'ord'}]}", MATCH, str("k", "order")),
            a("prefix equal to the whole value", "{'k':[{'prefix':'ord'}]}", MATCH, str("k", "ord")),
            a("prefix not at the start", "{'k':[{'prefix':'ord'}]}", NO_MATCH, str("k", "border")),
            a("prefix is case-sensitive", "{'k':[{'prefix':'ord'}]}", NO_MATCH, str("k", "Order")),
            a("prefix applies to strings only (Number)", "{'k':[{'prefix':'12'}]}", NO_MATCH, num("k", "123")),
            a("prefix on a String.Array element", "{'k':[{'prefix':'ord'}]}", MATCH, arr("k", "['x','order']")),
            a("prefix OR exact value", "{'k':[{'prefix':'ord'},'cancel']}", MATCH, str("k", "cancel")),

            // suffix
            a("suffix", "{'k':[{'suffix':'.png'}]}", MATCH, str("k", "image.png")),
            a("suffix, other ending", "{'k':[{'suffix':'.png'}]}", NO_MATCH, str("k", "image.jpg")),
            a("suffix is case-sensitive", "{'k':[{'suffix':'.png'}]}", NO_MATCH, str("k", "image.PNG")),
            a("suffix applies to strings only (Number)", "{'k':[{'suffix':'5'}]}", NO_MATCH, num("k", "15")),
            a("suffix on a String.Array element", "{'k':[{'suffix':'.png'}]}", MATCH, arr("k", "['a.jpg','b.png']")),

            // equals-ignore-case
            a("equals-ignore-case, lower", "{'k':[{'equals-ignore-case':'ORDER'}]}", MATCH, str("k", "order")),
            a("equals-ignore-case, mixed", "{'k':[{'equals-ignore-case':'ORDER'}]}", MATCH, str("k", "OrDeR")),
            a("equals-ignore-case, longer value", "{'k':[{'equals-ignore-case':'ORDER'}]}", NO_MATCH, str("k", "orders")),
            a("equals-ignore-case on a String.Array element", "{'k':[{'equals-ignore-case':'ORDER'}]}", MATCH, arr("k", "['x','Order']")),
            a("equals-ignore-case applies to strings only (Number)", "{'k':[{'equals-ignore-case':'5'}]}", NO_MATCH, num("k", "5")),

            // anything-but
            a("anything-but string, other value", "{'k':[{'anything-but':'red'}]}", MATCH, str("k", "blue")),
            a("anything-but string, excluded value", "{'k':[{'anything-but':'red'}]}", NO_MATCH, str("k", "red")),
            a("anything-but string is case-sensitive", "{'k':[{'anything-but':'red'}]}", MATCH, str("k", "Red")),
            a("anything-but list, excluded", "{'k':[{'anything-but':['red','green']}]}", NO_MATCH, str("k", "green")),
            a("anything-but list, other", "{'k':[{'anything-but':['red','green']}]}", MATCH, str("k", "blue")),
            a("anything-but numbers, excluded 100", "{'k':[{'anything-but':[100,500]}]}", NO_MATCH, num("k", "100")),
            a("anything-but numbers, 101", "{'k':[{'anything-but':[100,500]}]}", MATCH, num("k", "101")),
            a("anything-but numbers, 100.1", "{'k':[{'anything-but':[100,500]}]}", MATCH, num("k", "100.1")),
            a("anything-but numbers, 1.0e2 is 100", "{'k':[{'anything-but':[100,500]}]}", NO_MATCH, num("k", "1.0e2")),
            a("anything-but single number, excluded", "{'k':[{'anything-but':100}]}", NO_MATCH, num("k", "100")),
            a("anything-but single number, other", "{'k':[{'anything-but':100}]}", MATCH, num("k", "50")),
            a("anything-but prefix, excluded", "{'k':[{'anything-but':{'prefix':'init'}}]}", NO_MATCH, str("k", "initialized")),
            a("anything-but prefix, other", "{'k':[{'anything-but':{'prefix':'init'}}]}", MATCH, str("k", "started")),
            a("anything-but, key missing (another present)", "{'k':[{'anything-but':'red'}]}", NO_MATCH, str("other", "blue")),
            a("anything-but String.Array, one element not excluded", "{'k':[{'anything-but':['red']}]}", MATCH, arr("k", "['red','blue']")),
            a("anything-but String.Array, all excluded", "{'k':[{'anything-but':['red','green']}]}", NO_MATCH, arr("k", "['red','green']")),
            a("anything-but Number.Array [100,50] vs [100,500]", "{'k':[{'anything-but':[100,500]}]}", MATCH, arr("k", "[100,50]")),
            a("anything-but Number.Array [100,500] vs [100,500]", "{'k':[{'anything-but':[100,500]}]}", NO_MATCH, arr("k", "[100,500]")),
            a("engine: anything-but string vs Number (AWS unknown)", "{'k':[{'anything-but':'x'}]}", MATCH, num("k", "5")),
            a("engine: anything-but [5] vs String '5' (AWS unknown)", "{'k':[{'anything-but':[5]}]}", MATCH, str("k", "5")),
            a("anything-but AND exact on another key", "{'k':[{'anything-but':'red'}],'s':['x']}", MATCH, str("k", "blue"), str("s", "x")),

            // numeric
            a("numeric =", "{'k':[{'numeric':['=',301.5]}]}", MATCH, num("k", "301.5")),
            a("numeric = against 3.015e2", "{'k':[{'numeric':['=',301.5]}]}", MATCH, num("k", "3.015e2")),
            a("numeric =, other", "{'k':[{'numeric':['=',301.5]}]}", NO_MATCH, num("k", "301.4")),
            a("numeric < below", "{'k':[{'numeric':['<',10]}]}", MATCH, num("k", "9.99999")),
            a("numeric < at the bound", "{'k':[{'numeric':['<',10]}]}", NO_MATCH, num("k", "10")),
            a("numeric <= at the bound", "{'k':[{'numeric':['<=',10]}]}", MATCH, num("k", "10")),
            a("numeric <= above", "{'k':[{'numeric':['<=',10]}]}", NO_MATCH, num("k", "10.00001")),
            a("numeric > at the bound", "{'k':[{'numeric':['>',0]}]}", NO_MATCH, num("k", "0")),
            a("numeric > just above", "{'k':[{'numeric':['>',0]}]}", MATCH, num("k", "0.00001")),
            a("numeric >= at the bound", "{'k':[{'numeric':['>=',0]}]}", MATCH, num("k", "0")),
            a("numeric >= just below", "{'k':[{'numeric':['>=',0]}]}", NO_MATCH, num("k", "-0.00001")),
            a("numeric range (0,100] with 99", "{'attr1':[{'numeric':['>',0,'<=',100]}]}", MATCH, num("attr1", "99")),
            a("numeric range (0,100] with 111", "{'attr1':[{'numeric':['>',0,'<=',100]}]}", NO_MATCH, num("attr1", "111")),
            a("numeric range (0,100] with 100", "{'attr1':[{'numeric':['>',0,'<=',100]}]}", MATCH, num("attr1", "100")),
            a("numeric range (0,100] with 0", "{'attr1':[{'numeric':['>',0,'<=',100]}]}", NO_MATCH, num("attr1", "0")),
            a("numeric range [10,20) with 10", "{'k':[{'numeric':['>=',10,'<',20]}]}", MATCH, num("k", "10")),
            a("numeric range [10,20) with 20", "{'k':[{'numeric':['>=',10,'<',20]}]}", NO_MATCH, num("k", "20")),
            a("numeric negative bound", "{'k':[{'numeric':['<',-5]}]}", MATCH, num("k", "-10")),
            a("numeric negative bound, equal", "{'k':[{'numeric':['<',-5]}]}", NO_MATCH, num("k", "-5")),
            a("numeric negative range", "{'k':[{'numeric':['>=',-10,'<=',-1]}]}", MATCH, num("k", "-3.5")),
            a("numeric negative range, 0", "{'k':[{'numeric':['>=',-10,'<=',-1]}]}", NO_MATCH, num("k", "0")),
            a("numeric decimals = 0.5 vs 0.50", "{'k':[{'numeric':['=',0.5]}]}", MATCH, num("k", "0.50")),
            a("numeric 5 decimals", "{'k':[{'numeric':['>',1.12345]}]}", MATCH, num("k", "1.12346")),
            a("numeric near the limit", "{'k':[{'numeric':['>',999999999]}]}", MATCH, num("k", "1000000000")),
            a("numeric, two conditions OR, neither", "{'k':[{'numeric':['<',0]},{'numeric':['>',100]}]}", NO_MATCH, num("k", "50")),
            a("numeric, two conditions OR, second", "{'k':[{'numeric':['<',0]},{'numeric':['>',100]}]}", MATCH, num("k", "150")),
            a("numeric OR exact string", "{'k':['free',{'numeric':['>',100]}]}", MATCH, str("k", "free")),
            a("numeric on a String.Array of numbers", "{'k':[{'numeric':['>',10]}]}", MATCH, arr("k", "[1,50]")),
            a("numeric on a String.Array of strings", "{'k':[{'numeric':['>',10]}]}", NO_MATCH, arr("k", "['50']")),
            a("numeric, key missing", "{'k':[{'numeric':['>',10]}]}", NO_MATCH, num("other", "50")),
            a("engine: numeric vs String '5' (AWS unknown)", "{'k':[{'numeric':['=',5]}]}", NO_MATCH, str("k", "5")),
            a("numeric vs a non-numeric String", "{'k':[{'numeric':['>',0]}]}", NO_MATCH, str("k", "abc")),

            // exists
            a("exists true, String present", "{'k':[{'exists':true}]}", MATCH, str("k", "x")),
            a("exists true, Number present", "{'store':[{'exists':true}]}", MATCH, num("store", "99"), num("def", "99")),
            a("exists true, String.Array present", "{'k':[{'exists':true}]}", MATCH, arr("k", "['a','b']")),
            a("engine: exists true, String.Array [null] (AWS doc: non-null)", "{'k':[{'exists':true}]}", MATCH, arr("k", "[null]")),
            a("exists true, absent", "{'store':[{'exists':true}]}", NO_MATCH, num("attr1", "111")),
            a("exists true, empty String.Array", "{'k':[{'exists':true}]}", NO_MATCH, arr("k", "[]")),
            a("exists true, Binary is ignored", "{'k':[{'exists':true}]}", NO_MATCH, bin("k", "x"), str("o", "p")),
            a("exists false, absent, another present", "{'store':[{'exists':false}]}", MATCH, str("def", "x")),
            a("exists false, present", "{'store':[{'exists':false}]}", NO_MATCH, str("store", "x"), str("def", "x")),
            a("exists false, no attributes at all", "{'store':[{'exists':false}]}", NO_MATCH),
            a("exists false, Binary is ignored (another present)", "{'k':[{'exists':false}]}", MATCH, bin("k", "x"), str("o", "p")),
            a("engine: exists false, only a Binary attribute (AWS unknown)", "{'k':[{'exists':false}]}", NO_MATCH, bin("o", "x")),
            a("exists false AND exact, both hold", "{'a':['x'],'b':[{'exists':false}]}", MATCH, str("a", "x")),
            a("exists false AND exact, b present", "{'a':['x'],'b':[{'exists':false}]}", NO_MATCH, str("a", "x"), str("b", "y")),

            // a message without attributes reaches no filtered subscription in the MessageAttributes scope
            a("no attributes, exact", "{'k':['v']}", NO_MATCH),
            a("no attributes, anything-but", "{'k':[{'anything-but':'v'}]}", NO_MATCH),
            a("no attributes, numeric", "{'k':[{'numeric':['>',0]}]}", NO_MATCH),
            ab("no attributes, body matching the policy", ATTRIBUTES, "{'k':['v']}", NO_MATCH, "{'k':'v'}"),

            // null
            a("[null, anything-but] with no attributes", "{'attr1':[null,{'anything-but':'whatever'}]}", NO_MATCH),
            a("[null, anything-but] with attr1 missing", "{'attr1':[null,{'anything-but':'whatever'}]}", NO_MATCH, str("other", "x")),
            a("[null, anything-but] with attr1 other", "{'attr1':[null,{'anything-but':'whatever'}]}", MATCH, str("attr1", "x")),
            a("[null, anything-but] with attr1 excluded", "{'attr1':[null,{'anything-but':'whatever'}]}", NO_MATCH, str("attr1", "whatever")),

            // cidr
            a("cidr IPv4, network address", "{'ip':[{'cidr':'10.0.0.0/24'}]}", MATCH, str("ip", "10.0.0.0")),
            a("cidr IPv4, broadcast address", "{'ip':[{'cidr':'10.0.0.0/24'}]}", MATCH, str("ip", "10.0.0.255")),
            a("cidr IPv4, outside", "{'ip':[{'cidr':'10.0.0.0/24'}]}", NO_MATCH, str("ip", "10.1.1.0")),
            a("cidr IPv4, next block", "{'ip':[{'cidr':'10.0.0.0/24'}]}", NO_MATCH, str("ip", "10.0.1.0")),
            a("cidr IPv4 /31, inside", "{'ip':[{'cidr':'192.168.1.6/31'}]}", MATCH, str("ip", "192.168.1.7")),
            a("cidr IPv4 /31, outside", "{'ip':[{'cidr':'192.168.1.6/31'}]}", NO_MATCH, str("ip", "192.168.1.8")),
            a("cidr IPv6, inside", "{'ip':[{'cidr':'2001:db8::/32'}]}", MATCH, str("ip", "2001:db8::1")),
            a("cidr IPv6, outside", "{'ip':[{'cidr':'2001:db8::/32'}]}", NO_MATCH, str("ip", "2001:db9::1")),
            a("cidr IPv6 /127", "{'ip':[{'cidr':'::/127'}]}", MATCH, str("ip", "::1")),
            a("cidr IPv6 /127, outside", "{'ip':[{'cidr':'::/127'}]}", NO_MATCH, str("ip", "::2")),
            a("cidr IPv4 vs an IPv6 address", "{'ip':[{'cidr':'10.0.0.0/8'}]}", NO_MATCH, str("ip", "2001:db8::1")),
            a("cidr vs a non-address", "{'ip':[{'cidr':'10.0.0.0/8'}]}", NO_MATCH, str("ip", "hello")),
            a("cidr on a String.Array element", "{'ip':[{'cidr':'10.0.0.0/8'}]}", MATCH, arr("ip", "['192.168.0.1','10.9.9.9']")),

            // $or
            a("$or top-level, first", "{'$or':[{'a':['x']},{'b':['y']}]}", MATCH, str("a", "x")),
            a("$or top-level, second", "{'$or':[{'a':['x']},{'b':['y']}]}", MATCH, str("b", "y")),
            a("$or top-level, neither", "{'$or':[{'a':['x']},{'b':['y']}]}", NO_MATCH, str("a", "y"), str("b", "x")),
            a("$or AND a key, both", "{'c':['z'],'$or':[{'a':['x']},{'b':['y']}]}", MATCH, str("c", "z"), str("b", "y")),
            a("$or AND a key, key missing", "{'c':['z'],'$or':[{'a':['x']},{'b':['y']}]}", NO_MATCH, str("b", "y")),
            a("$or nested, inner first", NESTED_OR, MATCH, str("source", "aws"), str("metricType", "T"), num("metricId", "1234")),
            a("$or nested, inner second", NESTED_OR, MATCH, str("source", "aws"), str("metricType", "T"), num("spaceId", "1")),
            a("$or nested, inner neither", NESTED_OR, NO_MATCH, str("source", "aws"), str("metricType", "T"), num("spaceId", "2")),
            a("$or nested, outer first", NESTED_OR, MATCH, str("source", "aws"), str("metricName", "CPU")),
            a("$or nested, source missing", NESTED_OR, NO_MATCH, str("metricName", "CPU")),
            a("$or of numeric and exists", "{'$or':[{'a':[{'numeric':['>',5]}]},{'b':[{'exists':true}]}]}", MATCH, num("a", "1"), str("b", "x")),

            // the scope decides what is matched
            ab("attribute scope ignores the body", ATTRIBUTES, "{'k':['v']}", NO_MATCH, "{'k':'v'}", str("o", "p")),
            ab("body scope ignores the attributes", BODY, "{'k':['v']}", NO_MATCH, "{'o':'p'}", str("k", "v")),
            ab("body scope, message with attributes too", BODY, "{'k':['v']}", MATCH, "{'k':'v'}", str("o", "p")),

            // MessageBody scope: flat and nested keys
            b("flat exact", "{'k':['v']}", MATCH, "{'k':'v'}"),
            b("flat exact, other value", "{'k':['v']}", NO_MATCH, "{'k':'w'}"),
            b("flat exact, key missing", "{'k':['v']}", NO_MATCH, "{'x':'v'}"),
            b("nested key", "{'a':{'b':['x']}}", MATCH, "{'a':{'b':'x'}}"),
            b("nested key, other value", "{'a':{'b':['x']}}", NO_MATCH, "{'a':{'b':'y'}}"),
            b("nested key at the wrong level", "{'a':{'b':['x']}}", NO_MATCH, "{'b':'x'}"),
            b("nested key, parent is a string", "{'a':{'b':['x']}}", NO_MATCH, "{'a':'x'}"),
            b("nested policy vs literal dotted body key", "{'a':{'b':['x']}}", MATCH, "{'a.b':'x'}"),
            b("nested AND across levels", "{'a':{'b':['x']},'c':['y']}", MATCH, "{'a':{'b':'x'},'c':'y'}"),
            b("nested AND across levels, one differs", "{'a':{'b':['x']},'c':['y']}", NO_MATCH, "{'a':{'b':'x'},'c':'z'}"),
            b("three levels with prefix", "{'a':{'b':{'c':[{'prefix':'v'}]}}}", MATCH, "{'a':{'b':{'c':'value'}}}"),
            b("extra body fields ignored", "{'a':{'b':['x']}}", MATCH, "{'a':{'b':'x','c':'y'},'d':[1,2]}"),

            // dotted keys (research section 3, [AWS-REC])
            b("dotted policy key vs nested body", "{'object.nested':['string.value']}", MATCH, "{'object':{'nested':'string.value'}}"),
            b("dotted policy key vs dotted body key", "{'object.nested':['string.value']}", MATCH, "{'object.nested':'string.value'}"),
            b("dotted policy key, other value", "{'object.nested':['string.value']}", NO_MATCH, "{'object':{'nested':'test-auto'}}"),
            b("deep dotted key vs fully nested", "{'object.nested.test':['string.value']}", MATCH, "{'object':{'nested':{'test':'string.value'}}}"),
            b("deep dotted key vs fully dotted", "{'object.nested.test':['string.value']}", MATCH, "{'object.nested.test':'string.value'}"),
            b("deep dotted key vs dotted parent", "{'object.nested.test':['string.value']}", MATCH, "{'object.nested':{'test':'string.value'}}"),
            b("deep dotted key vs dotted child", "{'object.nested.test':['string.value']}", MATCH, "{'object':{'nested.test':'string.value'}}"),
            b("deep dotted key, other value", "{'object.nested.test':['string.value']}", NO_MATCH, "{'object':{'nested':{'test':'string.notvalue'}}}"),

            // arrays in the body
            b("array in body, single element", "{'headers':{'route-to':['queue1']}}", MATCH, "{'headers':{'route-to':['queue1']}}"),
            b("array in body, any element", "{'headers':{'route-to':['queue1']}}", MATCH, "{'headers':{'route-to':['queue1','queue2']}}"),
            b("array in body, no element", "{'headers':{'route-to':['queue1']}}", NO_MATCH, "{'headers':{'route-to':['queue3']}}"),
            b("array in body, empty", "{'headers':{'route-to':['queue1']}}", NO_MATCH, "{'headers':{'route-to':[]}}"),
            b("array of numbers, numeric", "{'scores':[{'numeric':['>',90]}]}", MATCH, "{'scores':[10,95]}"),
            b("array of numbers, numeric, none", "{'scores':[{'numeric':['>',90]}]}", NO_MATCH, "{'scores':[10,85]}"),
            b("array, anything-but one not excluded", "{'tags':[{'anything-but':'x'}]}", MATCH, "{'tags':['x','y']}"),
            b("array of objects, auto created", RECORDS, MATCH, record("ObjectCreated:Put", "{'key':'auto-insurance-2314.xml','size':17}")),
            b("array of objects, auto removed", RECORDS, NO_MATCH, record("ObjectRemoved:Delete", "{'key':'auto-insurance-2314.xml','size':17}")),
            b("array of objects, home created", RECORDS, NO_MATCH, record("ObjectCreated:Put", "{'key':'home-insurance-2314.xml','size':17}")),
            b("array of objects, multiple records with list of lists", RECORDS, MATCH, "{'Records':[{'eventName':'ObjectCreated:Put','s3':{'object':[[{'key':'auto-insurance-2314.xml','size':17}]]}},{'eventName':'ObjectRemoved:Delete','s3':{'object':{'key':'home-insurance-2314.xml'}}}]}"),
            b("array of objects, conditions met by different records", RECORDS, NO_MATCH, "{'Records':[{'eventName':'ObjectCreated:Put','s3':{'object':{'key':'home-1.xml'}}},{'eventName':'ObjectRemoved:Delete','s3':{'object':{'key':'auto-1.xml'}}}]}"),

            // bodies that never match
            b("non-JSON body", "{'k':['v']}", NO_MATCH, "k=v"),
            b("non-JSON body, exists false", "{'k':[{'exists':false}]}", NO_MATCH, "Regular message"),
            b("JSON string body", "{'k':['v']}", NO_MATCH, "'Regular string message'"),
            b("JSON string body, anything-but", "{'k':[{'anything-but':'x'}]}", NO_MATCH, "'Regular string message'"),
            b("JSON array body", "{'k':['v']}", NO_MATCH, "[{'k':'v'}]"),
            b("JSON number body", "{'k':[5]}", NO_MATCH, "5"),
            b("JSON object cut short", "{'k':['v']}", NO_MATCH, "{'k':'v'"),

            // numbers, booleans and null in the body
            b("body number, numeric >", "{'price':[{'numeric':['>',10]}]}", MATCH, "{'price':15}"),
            b("body number, numeric > fails", "{'price':[{'numeric':['>',10]}]}", NO_MATCH, "{'price':5}"),
            b("body number as string, numeric", "{'price':[{'numeric':['>',10]}]}", NO_MATCH, "{'price':'15'}"),
            b("body number, numeric = against 3.015e2", "{'v':[{'numeric':['=',301.5]}]}", MATCH, "{'v':3.015e2}"),
            b("body number, exact [5] vs 5.0", "{'price':[5]}", MATCH, "{'price':5.0}"),
            b("body number, exact [5] vs '5'", "{'price':[5]}", NO_MATCH, "{'price':'5'}"),
            b("body nested number range", "{'order':{'total':[{'numeric':['>=',100,'<',200]}]}}", MATCH, "{'order':{'total':150.25}}"),
            b("body negative number", "{'t':[{'numeric':['<',0]}]}", MATCH, "{'t':-2.5}"),
            b("body boolean true", "{'flag':[true]}", MATCH, "{'flag':true}"),
            b("body boolean, other", "{'flag':[true]}", NO_MATCH, "{'flag':false}"),
            b("body boolean as string", "{'flag':[true]}", NO_MATCH, "{'flag':'true'}"),
            b("body null", "{'k':[null]}", MATCH, "{'k':null}"),
            b("body null, key missing", "{'k':[null]}", NO_MATCH, "{'other':1}"),
            b("body null vs the string 'null'", "{'k':[null]}", NO_MATCH, "{'k':'null'}"),

            // other operators in the body
            b("body prefix", "{'k':[{'prefix':'auto-'}]}", MATCH, "{'k':'auto-test'}"),
            b("body suffix", "{'k':[{'suffix':'-auto'}]}", MATCH, "{'k':'test-auto'}"),
            b("body equals-ignore-case", "{'k':[{'equals-ignore-case':'AUTO'}]}", MATCH, "{'k':'Auto'}"),
            b("body anything-but", "{'k':[{'anything-but':['a','b']}]}", NO_MATCH, "{'k':'b'}"),
            b("body anything-but prefix", "{'k':[{'anything-but':{'prefix':'a'}}]}", MATCH, "{'k':'ba'}"),
            b("body cidr", "{'src':{'ip':[{'cidr':'10.0.0.0/24'}]}}", MATCH, "{'src':{'ip':'10.0.0.7'}}"),
            b("body exists true", "{'k':[{'exists':true}]}", MATCH, "{'k':'v'}"),
            b("body exists true on an intermediate node", "{'k':[{'exists':true}]}", NO_MATCH, "{'k':{'inner':'v'}}"),
            b("body exists true, empty array", "{'k':[{'exists':true}]}", NO_MATCH, "{'k':[]}"),
            b("engine: body exists true, null (AWS doc: non-null)", "{'k':[{'exists':true}]}", MATCH, "{'k':null}"),
            b("engine: body exists true, empty string (AWS doc: non-empty)", "{'k':[{'exists':true}]}", MATCH, "{'k':''}"),
            b("engine: body exists false, null counts as present", "{'k':[{'exists':false}]}", NO_MATCH, "{'k':null}"),
            b("engine: body exists false, empty object (AWS unknown)", "{'k':[{'exists':false}]}", MATCH, "{}"),
            b("engine: body anything-but string vs null", "{'k':[{'anything-but':'x'}]}", MATCH, "{'k':null}"),
            b("engine: body anything-but string vs number", "{'k':[{'anything-but':'x'}]}", MATCH, "{'k':5}"),
            b("body exists false, absent", "{'k':[{'exists':false}]}", MATCH, "{'other':'v'}"),
            b("body exists false, present", "{'k':[{'exists':false}]}", NO_MATCH, "{'k':'v'}"),

            // the recorded exists:false body policy (research section 3)
            b("exists false body policy, prefix", EXISTS_BODY, MATCH, "{'object':{'key':'auto-test'}}"),
            b("exists false body policy, exact", EXISTS_BODY, MATCH, "{'object':{'key':'hardcodedvalue'}}"),
            b("exists false body policy, prefix fails", EXISTS_BODY, NO_MATCH, "{'object':{'key':'test-auto'}}"),
            b("exists false body policy, test present", EXISTS_BODY, NO_MATCH, "{'object':{'key':'auto-test'},'test':'just-exists'}"),
            b("exists false body policy, nested_key present", EXISTS_BODY, NO_MATCH, "{'object':{'key':'auto-test','nested_key':'just-exists'}}"),
            b("exists false body policy, key missing", EXISTS_BODY, NO_MATCH, "{'object':{'test':'auto-test'}}"),
            b("exists false body policy, object missing", EXISTS_BODY, NO_MATCH, "{'test':'auto-test'}"),

            // $or in the body (the recorded policy, top-level and nested $or)
            b("$or body, wrong detail.scope", OR_BODY, NO_MATCH, "{'metricName':'CPUUtilization','detail':{'scope':'aws.cloudwatch','type':'CloudWatch Alarm State Change'}}"),
            b("$or body, wrong detail.type", OR_BODY, NO_MATCH, "{'metricName':'CPUUtilization','detail':{'scope':'Service','type':'CPUUtilization'}}"),
            b("$or body, detail.scope missing", OR_BODY, NO_MATCH, "{'metricName':'CPUUtilization','detail':{'type':'CloudWatch Alarm State Change'}}"),
            b("$or body, detail.source and type missing", OR_BODY, NO_MATCH, "{'metricName':'CPUUtilization','detail':{'scope':'Service'}}"),
            b("$or body, detail missing", OR_BODY, NO_MATCH, "{'metricName':'CPUUtilization','scope':'Service'}"),
            b("$or body, metricName and source", OR_BODY, MATCH, "{'metricName':'CPUUtilization','detail':{'scope':'Service','source':'aws.cloudwatch'}}"),
            b("$or body, other metricName and source", OR_BODY, MATCH, "{'metricName':'ReadLatency','detail':{'scope':'Service','source':'aws.cloudwatch'}}"),
            b("$or body, namespace EC2 and source", OR_BODY, MATCH, "{'namespace':'AWS/EC2','detail':{'scope':'Service','source':'aws.cloudwatch'}}"),
            b("$or body, namespace ES and source", OR_BODY, MATCH, "{'namespace':'AWS/ES','detail':{'scope':'Service','source':'aws.cloudwatch'}}"),
            b("$or body, metricName and type", OR_BODY, MATCH, "{'metricName':'CPUUtilization','detail':{'scope':'Service','type':'CloudWatch Alarm State Change'}}"),
            b("$or body, namespace value under metricName", OR_BODY, NO_MATCH, "{'metricName':'AWS/EC2','detail':{'scope':'Service','type':'CloudWatch Alarm State Change'}}"),
            b("$or body, metricName value under namespace", OR_BODY, NO_MATCH, "{'namespace':'CPUUtilization','detail':{'scope':'Service','type':'CloudWatch Alarm State Change'}}")
    );

    static Stream<Arguments> cases() {
        return TABLE.stream().map(c -> Arguments.of(Named.of(c.label(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deliversExactlyWhenThePolicyMatches(Case c) {
        String topic = await(engine.createTopic(CreateTopicRequest.of("t")));
        String filtered = createQueue("filtered");
        String control = createQueue("control");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("FilterPolicy", c.policy());
        if (c.scope().equals(BODY)) {
            attributes.put("FilterPolicyScope", BODY);
        }
        await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(filtered), attributes)));
        await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(control))));

        String messageId = await(engine.publish(publishOf(topic, c))).messageId();

        assertThat(messageIds(control)).as("the unfiltered subscription").containsExactly(messageId);
        if (c.match()) {
            assertThat(messageIds(filtered)).as("policy %s", c.policy()).containsExactly(messageId);
        } else {
            assertThat(messageIds(filtered)).as("policy %s", c.policy()).isEmpty();
        }
    }

    /**
     * The same verdicts when every policy of the table sits on one topic: the router compiles all the policies of a
     * scope into one Event Ruler machine, so rules must not leak into each other.
     */
    @Test
    void sameVerdictsWithEveryPolicyOnOneTopic() {
        String topic = await(engine.createTopic(CreateTopicRequest.of("shared")));
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < TABLE.size(); i++) {
            Case c = TABLE.get(i);
            String queue = createQueue("q" + i);
            queues.add(queue);
            await(engine.subscribe(SubscribeRequest.sqs(topic, arnOf(queue),
                    Map.of("FilterPolicy", c.policy(), "FilterPolicyScope", c.scope()))));
        }
        List<String> published = new ArrayList<>();
        for (Case c : TABLE) {
            published.add(await(engine.publish(publishOf(topic, c))).messageId());
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < TABLE.size(); i++) {
            Case c = TABLE.get(i);
            if (drainIds(queues.get(i)).contains(published.get(i)) != c.match()) {
                wrong.add(c.label());
            }
        }
        assertThat(wrong).as("cases with another verdict on a shared topic").isEmpty();
    }

    // ---- helpers ----

    private static PublishRequest publishOf(String topic, Case c) {
        return PublishRequest.of(topic, c.body()).withMessageAttributes(c.attributes());
    }

    /** The SNS message ids of what the queue holds now (each delivery's envelope carries its MessageId). */
    private List<String> messageIds(String queueUrl) {
        List<String> ids = new ArrayList<>();
        for (Message m : receive(queueUrl, 10)) {
            ids.add(snsMessageId(m));
        }
        return ids;
    }

    private Set<String> drainIds(String queueUrl) {
        Set<String> ids = new HashSet<>();
        for (List<Message> got = receive(queueUrl, 10); !got.isEmpty(); got = receive(queueUrl, 10)) {
            got.forEach(m -> ids.add(snsMessageId(m)));
        }
        return ids;
    }

    private static String snsMessageId(Message m) {
        try {
            return JSON.readTree(m.body()).get("MessageId").asText();
        } catch (Exception e) {
            throw new AssertionError("not an SNS envelope: " + m.body(), e);
        }
    }

    /** A policy or body written with single quotes, as JSON. */
    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static Case a(String description, String policy, boolean match, Attr... attributes) {
        return ab(description, ATTRIBUTES, policy, match, "a message", attributes);
    }

    private static Case b(String description, String policy, boolean match, String body) {
        return ab(description, BODY, policy, match, body);
    }

    private static Case ab(String description, String scope, String policy, boolean match, String body,
                           Attr... attributes) {
        Map<String, MessageAttributeValue> map = new LinkedHashMap<>();
        for (Attr a : attributes) {
            map.put(a.name(), a.value());
        }
        return new Case(description, scope, q(policy), q(body), map, match);
    }

    private static String record(String eventName, String object) {
        return "{'Records':[{'eventSource':'aws:s3','eventName':'" + eventName
                + "','s3':{'bucket':{'name':'insurance-bucket-demo'},'object':" + object + "}}]}";
    }

    private static Attr str(String name, String value) {
        return new Attr(name, MessageAttributeValue.string(value));
    }

    private static Attr num(String name, String value) {
        return new Attr(name, MessageAttributeValue.number(value));
    }

    /** A String.Array attribute; the value is a JSON array written with single quotes. */
    private static Attr arr(String name, String singleQuotedArray) {
        return new Attr(name, new MessageAttributeValue("String.Array", q(singleQuotedArray), null));
    }

    private static Attr bin(String name, String bytes) {
        return new Attr(name, MessageAttributeValue.binary(bytes.getBytes(StandardCharsets.UTF_8)));
    }
}
