package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging §3.5.4 (property conversions), §3.5.5 (types) and §3.8.1.1 (names). */
class PropertyConversionTest {
    enum Read { BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING }

    private static Object read(Message m, Read as) throws JMSException {
        return switch (as) {
            case BOOLEAN -> m.getBooleanProperty("p");
            case BYTE -> m.getByteProperty("p");
            case SHORT -> m.getShortProperty("p");
            case INT -> m.getIntProperty("p");
            case LONG -> m.getLongProperty("p");
            case FLOAT -> m.getFloatProperty("p");
            case DOUBLE -> m.getDoubleProperty("p");
            case STRING -> m.getStringProperty("p");
        };
    }

    /** Each row: a value as set, the reads the table allows, and what they return. */
    private record Row(Object value, Set<Read> allowed, List<Object> results) {
    }

    private static final List<Row> TABLE = List.of(
            new Row(true, EnumSet.of(Read.BOOLEAN, Read.STRING), List.of(true, "true")),
            new Row((byte) 7, EnumSet.of(Read.BYTE, Read.SHORT, Read.INT, Read.LONG, Read.STRING),
                    List.of((byte) 7, (short) 7, 7, 7L, "7")),
            new Row((short) 7, EnumSet.of(Read.SHORT, Read.INT, Read.LONG, Read.STRING),
                    List.of((short) 7, 7, 7L, "7")),
            new Row(7, EnumSet.of(Read.INT, Read.LONG, Read.STRING), List.of(7, 7L, "7")),
            new Row(7L, EnumSet.of(Read.LONG, Read.STRING), List.of(7L, "7")),
            new Row(127.0f, EnumSet.of(Read.FLOAT, Read.DOUBLE, Read.STRING), List.of(127.0f, 127.0, "127.0")),
            new Row(127.0, EnumSet.of(Read.DOUBLE, Read.STRING), List.of(127.0, "127.0")),
            new Row("1", EnumSet.allOf(Read.class), List.of(false, (byte) 1, (short) 1, 1, 1L, 1.0f, 1.0, "1")));

    @Test
    void everyCellOfTheConversionTableConvertsOrIsAFormatError() throws JMSException {
        int checked = 0;
        for (Row row : TABLE) {
            FerryMessage m = new FerryMessage();
            m.setObjectProperty("p", row.value());
            int i = 0;
            for (Read as : Read.values()) {
                if (row.allowed().contains(as)) {
                    assertThat(read(m, as)).as(row.value() + " as " + as).isEqualTo(row.results().get(i++));
                } else {
                    assertThatThrownBy(() -> read(m, as)).as(row.value() + " as " + as)
                            .isInstanceOf(MessageFormatException.class);
                }
                checked++;
            }
            assertThat(m.getObjectProperty("p")).isEqualTo(row.value()).isExactlyInstanceOf(row.value().getClass());
        }
        assertThat(checked).isEqualTo(64);
    }

    @Test
    void aStringThatIsNotANumberFailsAsTheNumbersValueOfDoes() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setStringProperty("p", "3.14159");
        for (Read as : List.of(Read.BYTE, Read.SHORT, Read.INT, Read.LONG)) {
            assertThatThrownBy(() -> read(m, as)).as(as.name()).isInstanceOf(NumberFormatException.class);
        }
        assertThat(m.getDoubleProperty("p")).isEqualTo(3.14159);
        assertThat(m.getFloatProperty("p")).isEqualTo(3.14159f);
        m.setStringProperty("p", "not_a_number");
        assertThatThrownBy(() -> m.getDoubleProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("p")).isInstanceOf(NumberFormatException.class);
        m.setStringProperty("p", "200");
        assertThatThrownBy(() -> m.getByteProperty("p")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aStringReadsAsABooleanTrueOnlyWhenItSaysTrueInAnyCase() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setStringProperty("p", "TrUe");
        assertThat(m.getBooleanProperty("p")).isTrue();
        m.setStringProperty("p", "test");
        assertThat(m.getBooleanProperty("p")).isFalse();
    }

    @Test
    void aMissingPropertyReadsAsValueOfNullWould() throws JMSException {
        FerryMessage m = new FerryMessage();
        assertThat(m.getBooleanProperty("p")).isFalse();
        assertThat(m.getStringProperty("p")).isNull();
        assertThat(m.getObjectProperty("p")).isNull();
        assertThat(m.propertyExists("p")).isFalse();
        for (Read as : List.of(Read.BYTE, Read.SHORT, Read.INT, Read.LONG)) {
            assertThatThrownBy(() -> read(m, as)).as(as.name()).isInstanceOf(NumberFormatException.class);
        }
        assertThatThrownBy(() -> m.getFloatProperty("p")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("p")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNullValuedPropertyExistsAndReadsAsAMissingOne() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setStringProperty("p", null);
        m.setObjectProperty("q", null);
        assertThat(m.propertyExists("p")).isTrue();
        assertThat(Collections.list(m.getPropertyNames())).containsExactly("p", "q");
        assertThat(m.getStringProperty("p")).isNull();
        assertThat(m.getBooleanProperty("p")).isFalse();
        assertThatThrownBy(() -> m.getIntProperty("p")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void onlyTheEightPropertyTypesCanBeSetAsObjects() throws JMSException {
        FerryMessage m = new FerryMessage();
        for (Object ok : List.of(true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, "s")) {
            m.setObjectProperty("p", ok);
            assertThat(m.getObjectProperty("p")).isEqualTo(ok);
        }
        for (Object bad : List.of('c', new byte[]{1}, new Vector<>(), BigDecimal.ONE, new Object())) {
            assertThatThrownBy(() -> m.setObjectProperty("p", bad)).as(bad.getClass().getName())
                    .isInstanceOf(MessageFormatException.class);
        }
        assertThat(m.getObjectProperty("p")).isEqualTo("s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a-b", "a.b", "a b", "NULL", "TRUE", "FALSE", "NOT", "AND", "OR",
            "BETWEEN", "LIKE", "IN", "IS", "ESCAPE"})
    void aNameThatIsNotASelectorIdentifierIsRefused(String name) {
        FerryMessage m = new FerryMessage();
        assertThatThrownBy(() -> m.setIntProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(m.propertyExists(name)).isFalse();
    }

    /** Keywords are refused in their exact spelling only, as qpid-jms does: JORAM names a property "true". */
    @ParameterizedTest
    @ValueSource(strings = {"true", "null", "Or", "like", "is"})
    void aKeywordInAnotherCaseIsAName(String name) throws Exception {
        FerryMessage m = new FerryMessage();
        m.setIntProperty(name, 1);
        assertThat(m.getIntProperty(name)).isEqualTo(1);
    }

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> new FerryMessage().setStringProperty(null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$y", "a1", "JMSXGroupID", "JMS_vendor", "éclair", "nullable", "Island"})
    void javaIdentifiersOtherThanKeywordsAreNames(String name) throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setIntProperty(name, 1);
        assertThat(m.getIntProperty(name)).isEqualTo(1);
    }

    @Test
    void propertyNamesAreEveryPropertySetInOrderAndNoHeader() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setJMSCorrelationID("foo");
        m.setJMSType("t");
        m.setDoubleProperty("pi", 3.14159);
        m.setStringProperty("JMSXGroupID", "g");
        m.setIntProperty("count", 2);
        assertThat(Collections.list(m.getPropertyNames())).containsExactly("pi", "JMSXGroupID", "count");
        m.setDoubleProperty("pi", 3.0);
        assertThat(Collections.list(m.getPropertyNames())).containsExactly("pi", "JMSXGroupID", "count");
    }

    @Test
    void clearPropertiesRemovesThemAllAndLeavesTheBody() throws JMSException {
        FerryTextMessage m = new FerryTextMessage("foo");
        m.setStringProperty("prop", "foo");
        m.clearProperties();
        assertThat(m.getStringProperty("prop")).isNull();
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
        assertThat(m.getText()).isEqualTo("foo");
    }

    @Test
    void aFloatWidensToDoubleAsJavaWidensIt() throws JMSException {
        FerryMessage m = new FerryMessage();
        m.setFloatProperty("pi", 3.14159f);
        assertThat(m.getFloatProperty("pi")).isEqualTo(3.14159f);
        assertThat(m.getDoubleProperty("pi")).isEqualTo((double) 3.14159f);
        m.setObjectProperty("pi", Float.valueOf(3.14159f));
        assertThat(m.getFloatProperty("pi")).isEqualTo(3.14159f);
    }
}
