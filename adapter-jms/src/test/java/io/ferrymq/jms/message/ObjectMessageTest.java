package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectMessageTest {
    @Test
    void setObjectTakesACopyAndGetObjectGivesAFreshOne() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        FerryObjectMessage m = new FerryObjectMessage();
        m.setObject(list);
        list.add("b");
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) m.getObject();
        assertThat(first).containsExactly("a");
        first.add("c");
        assertThat(m.getObject()).isEqualTo(List.of("a")).isNotSameAs(first);
    }

    @Test
    void aVectorOfPrimitivesComesBackEqual() throws JMSException {
        Vector<Object> vector = new Vector<>(List.of("pi", 3.14159));
        FerryObjectMessage m = new FerryObjectMessage(vector);
        assertThat(m.getObject()).isEqualTo(vector);
    }

    @Test
    void anObjectThatDoesNotSerializeIsAFormatError() {
        class NotSerializable {
        }
        ArrayList<Object> list = new ArrayList<>();
        list.add(new NotSerializable());
        assertThatThrownBy(() -> new FerryObjectMessage().setObject(list))
                .isInstanceOf(MessageFormatException.class).hasCauseInstanceOf(java.io.NotSerializableException.class);
    }

    @Test
    void bytesThatDoNotDeserializeAreAFormatErrorAndNotAssignable() throws JMSException {
        FerryObjectMessage m = new FerryObjectMessage();
        m.setSerializedBody(new byte[]{1, 2, 3});
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(Serializable.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
    }

    @Test
    void getBodyChecksTheObjectsClass() throws JMSException {
        FerryObjectMessage m = new FerryObjectMessage();
        assertThat(m.getObject()).isNull();
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.isBodyAssignableTo(Integer.class)).isTrue();
        m.setObject(42);
        assertThat(m.getBody(Integer.class)).isEqualTo(42);
        assertThat(m.getBody(Number.class)).isEqualTo(42);
        assertThat(m.isBodyAssignableTo(Serializable.class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }
}
