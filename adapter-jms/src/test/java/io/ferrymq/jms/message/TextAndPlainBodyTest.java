package io.ferrymq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** getBody and isBodyAssignableTo (JMS 2.0) for Message and TextMessage; clearBody for TextMessage. */
class TextAndPlainBodyTest {
    @Test
    void aPlainMessageHasNoBodyAssignableToAnything() throws JMSException {
        FerryMessage m = new FerryMessage();
        assertThat(m.getBody(String.class)).isNull();
        assertThat((Object) m.getBody(Map.class)).isNull();
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        m.clearBody();
    }

    @Test
    void aTextBodyIsAString() throws JMSException {
        FerryTextMessage m = new FerryTextMessage();
        assertThat(m.getText()).isNull();
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.isBodyAssignableTo(Integer.class)).isTrue();
        m.setText("bar");
        assertThat(m.getBody(String.class)).isEqualTo("bar");
        assertThat(m.getBody(CharSequence.class)).isEqualTo("bar");
        assertThat(m.getBody(Object.class)).isEqualTo("bar");
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        assertThat(m.isBodyAssignableTo(byte[].class)).isFalse();
        assertThatThrownBy(() -> m.getBody(byte[].class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void clearBodyEmptiesTheTextAndKeepsProperties() throws JMSException {
        FerryTextMessage m = new FerryTextMessage();
        m.setText("bar");
        m.setStringProperty("prop", "foo");
        m.clearBody();
        assertThat(m.getText()).isNull();
        assertThat(m.getStringProperty("prop")).isEqualTo("foo");
    }
}
