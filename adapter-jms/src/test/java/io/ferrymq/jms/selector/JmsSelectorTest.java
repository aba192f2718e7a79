package io.ferrymq.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@link JmsSelector} against the rules of Jakarta Messaging 3.1 section 3.8.1, one row per rule. */
class JmsSelectorTest {

    static TestMessage msg(Object... nameValue) {
        TestMessage m = new TestMessage();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.with((String) nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    private static boolean matches(String selector, TestMessage m) throws InvalidSelectorException {
        return JmsSelector.parse(selector).matches(m);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // comparison operators on numbers, with promotion between integers and doubles
                arguments("weight = 2500", msg("weight", 2500L), true),
                arguments("weight = 2500", msg("weight", 1000L), false),
                arguments("weight <> 2500", msg("weight", 1000L), true),
                arguments("weight <> 2500", msg("weight", 2500L), false),
                arguments("weight > 2500", msg("weight", 3000L), true),
                arguments("weight >= 2500", msg("weight", 2500), true),
                arguments("weight < 2500", msg("weight", (short) 3), true),
                arguments("weight <= 2500", msg("weight", (byte) 3), true),
                arguments("x = 2", msg("x", 2.0d), true),
                arguments("x = 2.0", msg("x", 2), true),
                arguments("x > 1.5", msg("x", 2L), true),
                arguments("x = 1.5", msg("x", 1.5f), true),
                arguments("x = 1.1", msg("x", 1.1f), false), // 1.1f widened is not 1.1
                arguments("x = 0", msg("x", -0.0d), true), // Java: -0.0 == 0
                arguments("x = 9223372036854775807", msg("x", Long.MAX_VALUE), true),
                arguments("x = 9223372036854775806", msg("x", Long.MAX_VALUE), false), // exact, not via double
                arguments("x = -9223372036854775808", msg("x", Long.MIN_VALUE), true),
                arguments("x = 0x1F", msg("x", 31), true),
                arguments("x = 017", msg("x", 15), true),
                arguments("x = 5L", msg("x", 5), true),
                arguments("x = 7.", msg("x", 7), true),
                arguments("x = .5", msg("x", 0.5), true),
                arguments("x = 7E3", msg("x", 7000), true),
                arguments("x = -57.9E2", msg("x", -5790.0), true),
                arguments("x = +62", msg("x", 62), true),
                // NaN is unordered and equals nothing, as in Java
                arguments("x > 5", msg("x", Double.NaN), false),
                arguments("x < 5", msg("x", Double.NaN), false),
                arguments("x = 5", msg("x", Double.NaN), false),
                arguments("x <> 5", msg("x", Double.NaN), true),
                arguments("x > 5", msg("x", Double.POSITIVE_INFINITY), true),
                // arithmetic: Java promotion, integer division, unknown on a non-number or on / 0
                arguments("x + 1 = 3", msg("x", 2), true),
                arguments("x * 2 - 1 = 5", msg("x", 3L), true),
                arguments("x / 2 = 2", msg("x", 5), true),
                arguments("x / 2.0 = 2.5", msg("x", 5), true),
                arguments("x / 0 = 1 OR y = 1", msg("x", 5, "y", 1), true),
                arguments("NOT (x / 0 = 1)", msg("x", 5), false),
                arguments("-x = -3", msg("x", 3), true),
                arguments("- - x = 3", msg("x", 3), true),
                arguments("x + 1 = 3", msg("x", "2"), false),
                arguments("NOT (x + 1 = 3)", msg("x", "2"), false),
                arguments("2 + 3 * 4 = 14", msg(), true),
                arguments("(2 + 3) * 4 = 20", msg(), true),
                arguments("10 - 2 - 3 = 5", msg(), true),
                // strings: equality only, case-sensitive, quotes doubled; never converted to numbers
                arguments("string = 'literal''s'", msg("string", "literal's"), true),
                arguments("string = 'literal''s'", msg("string", "literal"), false),
                arguments("s = 'abc'", msg("s", "ABC"), false),
                arguments("s <> 'abc'", msg("s", "abd"), true),
                arguments("NumberOfOrders > 1", msg("NumberOfOrders", "2"), false),
                arguments("NumberOfOrders > 1", msg("NumberOfOrders", 2), true),
                arguments("n = 2", msg("n", "2"), false),
                arguments("n = '2'", msg("n", 2), false),
                arguments("a < b", msg("a", "x", "b", "y"), false), // strings are not ordered
                arguments("a = b", msg("a", "x", "b", "x"), true),
                arguments("s = ''", msg("s", ""), true),
                // booleans
                arguments("b = TRUE", msg("b", true), true),
                arguments("b = true", msg("b", false), false),
                arguments("b", msg("b", true), true),
                arguments("b", msg("b", false), false),
                arguments("NOT b", msg("b", false), true),
                arguments("b", msg("b", "true"), false),
                arguments("NOT b", msg("b", "true"), false), // not a boolean: unknown
                arguments("b <> FALSE", msg("b", true), true),
                arguments("b = 'true'", msg("b", true), false),
                arguments("TRUE", msg(), true),
                arguments("FALSE", msg(), false),
                arguments("(a > 1) = TRUE", msg("a", 2), true),
                // values of different types compare FALSE, for <> as well (3.8.1.2)
                arguments("s <> 5", msg("s", "abc"), false),
                arguments("NOT (s = 5)", msg("s", "abc"), true),
                arguments("b <> 'x'", msg("b", true), false),
                // BETWEEN
                arguments("age BETWEEN 15 AND 19", msg("age", 17), true),
                arguments("age BETWEEN 15 and 19", msg("age", 20), false),
                arguments("age BETWEEN 15 AND 19", msg("age", 15), true),
                arguments("age BETWEEN 15 AND 19", msg("age", 19.0), true),
                arguments("age NOT BETWEEN 15 AND 19", msg("age", 20), true),
                arguments("age NOT BETWEEN 15 AND 19", msg("age", 17), false),
                arguments("age BETWEEN 15 AND 19", msg("age", "17"), false),
                arguments("age BETWEEN lo AND hi", msg("age", 5, "lo", 1, "hi", 9), true),
                // IN
                arguments("Country IN ('UK', 'US', 'France')", msg("Country", "UK"), true),
                arguments("Country IN ('UK', 'US', 'France')", msg("Country", "Peru"), false),
                arguments("Country NOT IN ('UK', 'US', 'France')", msg("Country", "Peru"), true),
                arguments("Country NOT IN ('UK', 'US', 'France')", msg("Country", "UK"), false),
                arguments("Country IN ('UK','US','France','DE','IT','ES')", msg("Country", "ES"), true),
                arguments("Country IN ('1')", msg("Country", 1), false),
                arguments("Country NOT IN ('1')", msg("Country", 1), false),
                // LIKE
                arguments("phone LIKE '12%3'", msg("phone", "12993"), true),
                arguments("phone LIKE '12%3'", msg("phone", "1234"), false),
                arguments("word LIKE 'l_se'", msg("word", "lose"), true),
                arguments("word LIKE 'l_se'", msg("word", "loose"), false),
                arguments("underscored LIKE '\\_%' ESCAPE '\\'", msg("underscored", "_foo"), true),
                arguments("underscored LIKE '\\_%' ESCAPE '\\'", msg("underscored", "bar"), false),
                arguments("p LIKE '100!%' ESCAPE '!'", msg("p", "100%"), true),
                arguments("p LIKE '100!%' ESCAPE '!'", msg("p", "1000"), false),
                arguments("p LIKE 'a.c'", msg("p", "abc"), false), // regex characters are literal
                arguments("p LIKE 'a%'", msg("p", "a\nb"), true),
                arguments("phone NOT LIKE '12%3'", msg("phone", "1234"), true),
                arguments("phone NOT LIKE '12%3'", msg("phone", "123"), false),
                arguments("phone LIKE '12%'", msg("phone", 123), false),
                arguments("phone NOT LIKE '12%'", msg("phone", 123), false),
                // NULL: IS NULL, and unknown through NOT, AND, OR
                arguments("prop_name IS NULL", msg(), true),
                arguments("prop_name IS NULL", msg("prop_name", "not null"), false),
                arguments("prop_name IS NOT NULL", msg("prop_name", "x"), true),
                arguments("x = 5", msg(), false),
                arguments("x <> 5", msg(), false),
                arguments("5 <> x", msg(), false),
                arguments("NOT (5 = x)", msg(), false),
                arguments("x <> y", msg("x", 1), false),
                arguments("NOT (x > 5)", msg(), false),
                arguments("x IN ('a')", msg(), false),
                arguments("x NOT IN ('a')", msg(), false),
                arguments("x LIKE 'a%'", msg(), false),
                arguments("x NOT LIKE 'a%'", msg(), false),
                arguments("x NOT BETWEEN 1 AND 2", msg(), false),
                arguments("x + 1 IS NULL", msg(), true),
                arguments("NOT (x = 1 AND y = 2)", msg("y", 3), true), // unknown AND false is false
                arguments("NOT (x = 1 AND y = 2)", msg("y", 2), false), // unknown AND true is unknown
                arguments("x = 1 OR y = 2", msg("y", 2), true), // unknown OR true is true
                arguments("NOT (x = 1 OR y = 2)", msg("y", 3), false), // unknown OR false is unknown
                arguments("NOT x = 1", msg("x", 2), true), // NOT is looser than =
                arguments("NOT NOT x = 1", msg("x", 1), true),
                // precedence: AND before OR
                arguments("a = 1 OR b = 1 AND c = 1", msg("a", 1), true),
                arguments("(a = 1 OR b = 1) AND c = 1", msg("a", 1), false),
                // unknown identifiers and header names that selectors cannot use are NULL
                arguments("JMSDestination IS NULL", msg(), true),
                arguments("JMSExpiration IS NULL", msg(), true),
                arguments("$correct IS NULL", msg(), true),
                arguments("_correct IS NULL", msg(), true),
                arguments("été = 1", msg("été", 1), true),
                // JMSX properties are properties
                arguments("JMSXGroupID = 'g1' AND JMSXGroupSeq = 3", msg("JMSXGroupID", "g1", "JMSXGroupSeq", 3),
                        true),
                arguments("JMSXDeliveryCount > 1", msg("JMSXDeliveryCount", 2), true),
                // identifiers are case-sensitive, keywords are not
                arguments("Weight = 1", msg("weight", 1), false),
                arguments("a = 1 and b = 2 Or c = 3", msg("c", 3), true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("rules")
    void followsTheSpec(String selector, TestMessage message, boolean expected) throws Exception {
        assertThat(matches(selector, message)).isEqualTo(expected);
    }

    @Test
    void headerFields() throws Exception {
        TestMessage m = msg();
        m.setJMSType("car");
        m.setJMSPriority(7);
        m.setJMSMessageID("ID:42");
        m.setJMSTimestamp(1_700_000_000_000L);
        m.setJMSCorrelationID("corr");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        assertThat(matches("JMSType = 'car' AND JMSPriority > 5 AND JMSMessageID = 'ID:42'"
                + " AND JMSTimestamp = 1700000000000 AND JMSCorrelationID = 'corr'", m)).isTrue();
        assertThat(matches("JMSDeliveryMode = 'NON_PERSISTENT'", m)).isTrue();
        assertThat(matches("JMSDeliveryMode = 'PERSISTENT'", m)).isFalse();
        assertThat(matches("JMSDeliveryMode = 1", m)).isFalse(); // a string, not the int
        m.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        assertThat(matches("JMSDeliveryMode = 'PERSISTENT'", m)).isTrue();
        m.setJMSCorrelationID(null);
        m.setJMSType(null);
        assertThat(matches("JMSCorrelationID IS NULL AND JMSType IS NULL", m)).isTrue();
        // a header wins over a property of the same name (which JMS forbids anyway)
        m.with("JMSPriority", 1);
        assertThat(matches("JMSPriority = 7", m)).isTrue();
    }

    @Test
    void selectorSpecExample() throws Exception {
        String selector = "JMSType = 'car' AND color = 'blue' AND weight > 2500";
        TestMessage red = msg("color", "red", "weight", 3000L);
        red.setJMSType("car");
        TestMessage blue = msg("color", "blue", "weight", 3000L);
        blue.setJMSType("car");
        assertThat(matches(selector, red)).isFalse();
        assertThat(matches(selector, blue)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankSelectsEverything(String selector) throws Exception {
        JmsSelector s = JmsSelector.parse(selector);
        assertThat(s.matches(msg())).isTrue();
        assertThat(s.selectsEverything()).isTrue();
        assertThat(s.text()).isNull();
        assertThat(JmsSelector.parse(null).matches(msg())).isTrue();
    }

    @Test
    void keepsTheTextAsGiven() throws Exception {
        assertThat(JmsSelector.parse(" a = 1 ").text()).isEqualTo(" a = 1 ");
        assertThat(JmsSelector.parse("a = 1").selectsEverything()).isFalse();
    }

    @Test
    void evaluatesFromAMapOfValues() throws Exception {
        JmsSelector s = JmsSelector.parse("a > 1 AND b = 'x'");
        assertThat(s.matches(Map.of("a", 2, "b", "x")::get)).isTrue();
        assertThat(s.matches(Map.of("a", 2.5f)::get)).isFalse();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("NULL = ZERO", "NULL cannot be compared"),
                arguments("TRUE > 0", "expected a numeric value, found TRUE"),
                arguments("FALSE > 0", "expected a numeric value"),
                arguments("NOT > 0", "unexpected '>'"),
                arguments("AND > 0", "reserved word"),
                arguments("OR > 0", "reserved word"),
                arguments("BETWEEN > 0", "reserved word"),
                arguments("LIKE > 0", "reserved word"),
                arguments("IN > 0", "reserved word"),
                arguments("IS > 0", "reserved word"),
                arguments("ESCAPE > 0", "reserved word"),
                arguments("1uncorrect IS NULL", "invalid number"),
                arguments("%uncorrect IS NULL", "unexpected character '%'"),
                arguments("a = 'open", "string literal is not closed"),
                arguments("a =", "unexpected end of selector"),
                arguments("a = 1 b = 2", "unexpected b"),
                arguments("(a = 1", "expected )"),
                arguments("a", null), // valid: a boolean property
                arguments("5", "expected a condition, found 5"),
                arguments("'abc'", "expected a condition"),
                arguments("a + 1", "expected a condition, found an arithmetic expression"),
                arguments("a > 'x'", "expected a numeric value, found 'x'"),
                arguments("'x' + 1 = 2", "expected a numeric value"),
                arguments("a BETWEEN 'a' AND 'b'", "expected a numeric value"),
                arguments("a LIKE 5", "expected a string literal"),
                arguments("5 LIKE 'a'", "expected a string value before LIKE"),
                arguments("a LIKE 'x' ESCAPE 'ab'", "ESCAPE must be a single character"),
                arguments("a IN (1, 2)", "expected a string literal"),
                arguments("a IN ()", "expected a string literal"),
                arguments("a + 1 IN ('x')", "IN needs an identifier"),
                arguments("a = 9223372036854775808", "out of the range of a long"),
                arguments("a = 1e999", "out of the range of a double"),
                arguments("a = 09", "invalid number"),
                arguments("a IS NOT 5", "expected NULL"),
                arguments("a = 1 /* c */", "unexpected '*'"),
                arguments("a = 1 -- c", null), // valid: 1 - (-c)
                arguments("a = 1 AND 5", "expected a condition, found 5"),
                arguments("NOT 'x'", "expected a condition"),
                arguments("a == 1", "unexpected '='"),
                arguments("a.b = 1", "unexpected character '.'"),
                arguments("convert_string_expressions:a = '1'", "unexpected character ':'"),
                arguments("XPATH '//x'", "unexpected '//x'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesInvalidSyntaxWithAReason(String selector, String reason) {
        if (reason == null) {
            return;
        }
        assertThatThrownBy(() -> JmsSelector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("\"" + selector + "\"")
                .hasMessageContaining("at position");
    }

    @Test
    void namesThePosition() {
        assertThatThrownBy(() -> JmsSelector.parse("a = 1 AND %"))
                .hasMessage("Invalid message selector \"a = 1 AND %\": unexpected character '%' at position 11");
    }

    /** The syntax SelectorSyntaxTest (JORAM) accepts. */
    @ParameterizedTest
    @ValueSource(strings = {"_correct IS NULL", "$correct IS NULL", "prop_name IS NULL", "prop_name IS NOT NULL",
            "phone LIKE '12%3'", "word LIKE 'l_se'", "underscored LIKE '\\_%' ESCAPE '\\'", "phone NOT LIKE '12%3'",
            "Country IN ('UK', 'US', 'France')", "Country NOT IN ('UK', 'US', 'France')", "age BETWEEN 15 and 19",
            "age NOT BETWEEN 15 and 19", "average = +6.2", "average = -95.7", "average = 7.", "average = +62",
            "max = -957", "max = 57", "max = 0", "max = 0.0", "max = 0.", "string = 'literal'",
            "string = 'literal''s'", "JMSDeliveryMode = 'PERSISTENT'", "NumberOfOrders > 1",
            "JMSType = 'car' AND color = 'blue' AND weight > 2500", "weight = 2500", "weight <> 2500"})
    void acceptsWhatJoramAccepts(String selector) throws Exception {
        assertThat(JmsSelector.parse(selector).text()).isEqualTo(selector);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        JmsSelector s = JmsSelector.parse("a LIKE 'x%' AND b IN ('1','2','3','4','5','6') AND c BETWEEN 1 AND 9");
        TestMessage yes = msg("a", "xy", "b", "6", "c", 5);
        TestMessage no = msg("a", "xy", "b", "7", "c", 5);
        Thread[] threads = new Thread[4];
        boolean[] wrong = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (!s.matches(yes) || s.matches(no)) {
                        wrong[id] = true;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(wrong).containsOnly(false);
    }
}
