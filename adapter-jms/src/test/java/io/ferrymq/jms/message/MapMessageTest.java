package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapMessageTest {
    @Test
    void valuesConvertAsStreamValuesDo() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        m.setByte("byte", (byte) 1);
        m.setChar("char", 'c');
        m.setFloat("float", 1.5f);
        m.setString("text", "42");
        m.setBytes("bytes", new byte[]{1});
        assertThat(m.getShort("byte")).isEqualTo((short) 1);
        assertThat(m.getLong("byte")).isEqualTo(1L);
        assertThat(m.getString("byte")).isEqualTo("1");
        assertThatThrownBy(() -> m.getFloat("byte")).isInstanceOf(MessageFormatException.class);
        assertThat(m.getChar("char")).isEqualTo('c');
        assertThat(m.getString("char")).isEqualTo("c");
        assertThatThrownBy(() -> m.getInt("char")).isInstanceOf(MessageFormatException.class);
        assertThat(m.getDouble("float")).isEqualTo(1.5);
        assertThat(m.getInt("text")).isEqualTo(42);
        assertThatThrownBy(() -> m.getChar("text")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBytes("text")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getString("bytes")).isInstanceOf(MessageFormatException.class);
        assertThat(m.getBytes("bytes")).containsExactly(1);
    }

    @Test
    void getObjectReturnsTheBoxedTypeThatWasSet() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        m.setDouble("pi", 3.14159);
        m.setShort("s", (short) 2);
        assertThat(m.getObject("pi")).isInstanceOf(Double.class).isEqualTo(3.14159);
        assertThat(m.getObject("s")).isInstanceOf(Short.class);
        assertThat(m.getDouble("pi")).isEqualTo(3.14159);
    }

    @Test
    void aMissingNameReadsAsANullValue() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        assertThat(m.getBoolean("x")).isFalse();
        assertThat(m.getString("x")).isNull();
        assertThat(m.getBytes("x")).isNull();
        assertThat(m.getObject("x")).isNull();
        assertThatThrownBy(() -> m.getInt("x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDouble("x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getChar("x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNameMustBeNonEmpty() {
        FerryMapMessage m = new FerryMapMessage();
        assertThatThrownBy(() -> m.setBoolean(null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setBoolean("", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setObject("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreListedInTheOrderFirstSet() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        assertThat(m.getMapNames().hasMoreElements()).isFalse();
        m.setInt("b", 1);
        m.setInt("a", 2);
        m.setInt("any name-at.all", 3);
        m.setInt("b", 4);
        assertThat(Collections.list(m.getMapNames())).containsExactly("b", "a", "any name-at.all");
        assertThat(m.itemExists("a")).isTrue();
        assertThat(m.itemExists("c")).isFalse();
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        byte[] value = {1, 2, 3};
        FerryMapMessage m = new FerryMapMessage();
        m.setBytes("all", value);
        m.setBytes("part", value, 1, 2);
        m.setObject("object", value);
        value[0] = 9;
        assertThat(m.getBytes("all")).containsExactly(1, 2, 3);
        assertThat(m.getBytes("part")).containsExactly(2, 3);
        ((byte[]) m.getObject("object"))[0] = 9;
        assertThat(m.getBytes("object")).containsExactly(1, 2, 3);
    }

    @Test
    void setObjectTakesJmsTypesOnly() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        for (Object ok : List.of(true, (byte) 1, (short) 1, 'c', 1, 1L, 1f, 1d, "s")) {
            m.setObject("v", ok);
            assertThat(m.getObject("v")).isEqualTo(ok);
        }
        m.setObject("v", null);
        assertThat(m.itemExists("v")).isTrue();
        assertThatThrownBy(() -> m.setObject("v", new Vector<>())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void theBodyIsAMapCopyForGetBodyAndNullWhenEmpty() throws JMSException {
        FerryMapMessage m = new FerryMapMessage();
        assertThat((Object) m.getBody(Map.class)).isNull();
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        m.setInt("a", 1);
        m.setBytes("b", new byte[]{2});
        @SuppressWarnings("unchecked")
        Map<String, Object> body = m.getBody(Map.class);
        assertThat(body).containsEntry("a", 1).containsKey("b");
        body.put("c", 3);
        assertThat(m.itemExists("c")).isFalse();
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }
}
