package io.ferrymq.jms.selector;

import io.ferrymq.engine.sqs.MessageAttributeValue;
import jakarta.jms.DeliveryMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SNS attributes a JMS publish carries for filtering. */
class FilterAttributesTest {

    private static MessageAttributeValue string(String v) {
        return MessageAttributeValue.string(v);
    }

    private static MessageAttributeValue number(String v) {
        return MessageAttributeValue.number(v);
    }

    private static MessageAttributeValue array(String json) {
        return new MessageAttributeValue("String.Array", json, null);
    }

    @Test
    void encodesEachTypeSoThatNoTwoLookAlike() {
        TestMessage m = JmsSelectorTest.msg("s", "blue", "empty", "", "t", true, "f", false, "i", 42, "l", 7L,
                "sh", (short) -3, "by", (byte) 1, "fl", 1.5f, "d", 0.1, "nan", Double.NaN, "numeric", "5");
        Map<String, MessageAttributeValue> a = FilterAttributes.of(m);
        assertThat(a).containsEntry("s", string("blue"))
                .containsEntry("empty", array("[\"\"]"))
                .containsEntry("t", array("[true]"))
                .containsEntry("f", array("[false]"))
                .containsEntry("i-num", number("42"))
                .containsEntry("l-num", number("7"))
                .containsEntry("sh-num", number("-3"))
                .containsEntry("by-num", number("1"))
                .containsEntry("fl-num", number("1.5"))
                .containsEntry("d-num", number("0.1"))
                .containsEntry("nan", array("[null]"))
                .containsEntry("numeric", string("5"))
                .doesNotContainKeys("i", "s-num", "nan-num");
    }

    @Test
    void keepsEveryNumberReadableByEventRuler() {
        Map<String, MessageAttributeValue> a = FilterAttributes.of(JmsSelectorTest.msg("exact", 9007199254740992L,
                "rounded", 9007199254740993L, "max", Long.MAX_VALUE, "min", Long.MIN_VALUE,
                "inf", Double.POSITIVE_INFINITY, "ninf", Double.NEGATIVE_INFINITY, "huge", 1e300, "tiny", 1e-300,
                "ntiny", -1e-300, "zero", -0.0));
        assertThat(a).containsEntry("exact-num", number("9007199254740992"))
                .containsEntry("rounded-num", number("9.007199254740992E15"))
                .containsEntry("max-num", number("9.223372036854776E18"))
                .containsEntry("min-num", number("-9.223372036854776E18"))
                .containsEntry("inf-num", number("1E+100"))
                .containsEntry("ninf-num", number("-1E+100"))
                .containsEntry("huge-num", number("1E+100"))
                .containsEntry("tiny-num", number("1E-100"))
                .containsEntry("ntiny-num", number("-1E-100"))
                .containsEntry("zero-num", number("-0.0"));
    }

    @Test
    void carriesTheSelectorHeadersAndAlwaysSomeAttribute() {
        TestMessage m = JmsSelectorTest.msg();
        assertThat(FilterAttributes.of(m)).containsOnlyKeys("JMSDeliveryMode", "JMSPriority-num",
                "JMSTimestamp-num");
        m.setJMSMessageID("ID:1");
        m.setJMSCorrelationID("c");
        m.setJMSType("t");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSTimestamp(123);
        m.setJMSPriority(9);
        m.setJMSExpiration(5);
        assertThat(FilterAttributes.of(m)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "JMSDeliveryMode", string("NON_PERSISTENT"), "JMSPriority-num", number("9"),
                "JMSMessageID", string("ID:1"), "JMSTimestamp-num", number("123"), "JMSCorrelationID", string("c"),
                "JMSType", string("t")));
    }

    @Test
    void skipsWhatSnsRefusesOrCannotKnowYet() {
        TestMessage m = JmsSelectorTest.msg("$dollar", 1, "été", "x", "JMSXDeliveryCount", 2, "JMSXGroupID", "g",
                "JMSXGroupSeq", 3, "a".repeat(251), 1, "b".repeat(252), 1);
        assertThat(FilterAttributes.of(m)).containsKeys("JMSXGroupID", "JMSXGroupSeq-num", "a".repeat(251) + "-num")
                .doesNotContainKeys("$dollar", "été", "JMSXDeliveryCount", "JMSXDeliveryCount-num",
                        "b".repeat(252) + "-num");
        assertThat(FilterAttributes.carries("weight")).isTrue();
        assertThat(FilterAttributes.carries("JMSXDeliveryCount")).isFalse();
        assertThat(FilterAttributes.carries("$weight")).isFalse();
    }

    @Test
    void aHeaderWinsOverAPropertyOfItsName() {
        TestMessage m = JmsSelectorTest.msg("JMSType", "property");
        m.setJMSType("header");
        assertThat(FilterAttributes.of(m)).containsEntry("JMSType", string("header"));
    }
}
