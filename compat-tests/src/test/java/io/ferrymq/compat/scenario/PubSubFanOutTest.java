package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One topic, several subscribers with different selectors: each gets exactly the messages its selector selects
 * (JMS 3.1 §3.8.1: three-valued logic, an absent property is NULL, a string never compares with a number).
 */
@DisplayName("Pub/sub")
@ExtendWith(MatrixRecorder.class)
class PubSubFanOutTest {
    private static final long WAIT = 10_000;

    /** A message: its properties (absent ones left out), priority and JMSType. */
    private record Published(String id, Map<String, Object> properties, int priority, String type) {
    }

    private static Published message(String id, Object... nameValues) {
        return headers(id, 4, null, nameValues);
    }

    private static Published headers(String id, int priority, String type, Object... nameValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            properties.put((String) nameValues[i], nameValues[i + 1]);
        }
        return new Published(id, properties, priority, type);
    }

    private static final List<Published> MESSAGES = List.of(
            message("m0", "color", "blue", "weight", 7, "region", "eu", "urgent", false, "name", "abc"),
            message("m1", "color", "red", "weight", 2, "region", "us", "urgent", true, "name", "xab"),
            message("m2", "color", "blue", "weight", 5.5, "urgent", true, "name", "ab"),
            message("m3", "weight", 10L, "region", "eu", "urgent", true),
            message("m4", "color", "green", "weight", "9", "region", "eu", "urgent", false),
            headers("m5", 9, null, "color", "blue", "region", "eu", "urgent", false),
            headers("m6", 4, "quote", "color", "", "weight", 6),
            message("m7", "color", "BLUE", "weight", -1, "region", "eu", "urgent", true),
            message("m8"),
            headers("m9", 8, "quote", "color", "red", "weight", 5, "region", "ap", "urgent", false));

    private static final String HEADERS = "JMSDeliveryMode = 'PERSISTENT' AND JMSTimestamp > 0 "
            + "AND JMSMessageID LIKE 'ID:%'";

    /** Each subscriber's selector and, worked out by hand from §3.8.1, what it selects of {@link #MESSAGES}. */
    private static final Map<String, List<String>> SELECTS = selects();

    private static Map<String, List<String>> selects() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("", List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"));
        // Case-sensitive; 'BLUE' is another string.
        m.put("color = 'blue'", List.of("m0", "m2", "m5"));
        // An absent color is NULL, and NULL <> 'blue' is unknown: m3 and m8 are not selected.
        m.put("color <> 'blue'", List.of("m1", "m4", "m6", "m7", "m9"));
        // Integers, longs and doubles compare as numbers; the string '9' is not a number (m4); m5 has no weight.
        m.put("weight > 5", List.of("m0", "m2", "m3", "m6"));
        m.put("weight BETWEEN 2 AND 6", List.of("m1", "m2", "m6", "m9"));
        // m3: NULL OR TRUE is TRUE.
        m.put("region = 'eu' AND (color = 'blue' OR urgent)", List.of("m0", "m3", "m5", "m7"));
        m.put("region IS NULL", List.of("m2", "m6", "m8"));
        m.put("name LIKE 'ab%'", List.of("m0", "m2"));
        m.put("JMSPriority > 7 OR JMSType = 'quote'", List.of("m5", "m6", "m9"));
        // Every message is sent persistent, and the send gives it a timestamp and an ID that starts with "ID:".
        m.put(HEADERS, List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"));
        m.put("color IN ('red', 'green') AND NOT urgent", List.of("m4", "m9"));
        return m;
    }

    /**
     * What a selector naming a header field selects where a subscription's selector sees JMSDeliveryMode, JMSPriority,
     * JMSMessageID and JMSTimestamp as NULL ({@link io.ferrymq.compat.target.Semantics#subscriptionSelectorsSeeHeaders
     * subscriptionSelectorsSeeHeaders} false), again by §3.8.1: NULL > 7 is unknown, and unknown OR TRUE is TRUE, so
     * the JMSType half still selects m6 and m9, and m5 (priority 9, no JMSType) is missed; NULL = 'PERSISTENT' is
     * unknown, and so is an AND of unknowns, so {@link #HEADERS} selects nothing.
     */
    private static final Map<String, List<String>> SELECTS_WITH_NULL_HEADERS = Map.of(
            "JMSPriority > 7 OR JMSType = 'quote'", List.of("m6", "m9"),
            HEADERS, List.of());

    @DisplayName("fan-out to subscribers with different selectors: each gets exactly what its selector selects")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void fanOutWithSelectors(Target target) throws Exception {
        Topic topic = target.topic("fanout-" + UUID.randomUUID());
        try (Connection subscribers = target.connectionFactory().createConnection();
             Connection publisher = target.connectionFactory().createConnection()) {
            Map<String, MessageConsumer> consumers = new LinkedHashMap<>();
            for (String selector : SELECTS.keySet()) {
                Session s = subscribers.createSession(false, Session.AUTO_ACKNOWLEDGE);
                consumers.put(selector, selector.isEmpty() ? s.createConsumer(topic)
                        : s.createConsumer(topic, selector));
            }
            subscribers.start();

            Session ps = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = ps.createProducer(topic);
            for (Published p : MESSAGES) {
                TextMessage m = ps.createTextMessage(p.id());
                for (Map.Entry<String, Object> property : p.properties().entrySet()) {
                    m.setObjectProperty(property.getKey(), property.getValue());
                }
                m.setJMSType(p.type());
                producer.send(m, DeliveryMode.PERSISTENT, p.priority(), 0);
            }

            for (Map.Entry<String, MessageConsumer> e : consumers.entrySet()) {
                String selector = e.getKey();
                List<String> expected = target.semantics().subscriptionSelectorsSeeHeaders() ? SELECTS.get(selector)
                        : SELECTS_WITH_NULL_HEADERS.getOrDefault(selector, SELECTS.get(selector));
                List<String> got = new ArrayList<>();
                while (got.size() < expected.size()) {
                    Message m = e.getValue().receive(WAIT);
                    assertThat(m).as("[%s] after %s", selector, got).isNotNull();
                    got.add(((TextMessage) m).getText());
                }
                // Every send has returned, so whatever else the subscription holds is there to be received now.
                Message extra = e.getValue().receiveNoWait();
                if (extra != null) {
                    got.add(((TextMessage) extra).getText());
                }
                assertThat(got).as("[%s]", selector).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        if (!target.semantics().subscriptionSelectorsSeeHeaders()) {
            Matrix.differs(target, "a subscriber's selector sees JMSDeliveryMode, JMSPriority, JMSMessageID and "
                    + "JMSTimestamp as NULL (JMSType and properties work): [JMSPriority > 7 OR JMSType = 'quote'] "
                    + "selects m6 and m9 by their JMSType but misses m5, of priority 9, and [" + HEADERS + "] "
                    + "selects nothing (the broker applies a subscription's selector untranslated, where it "
                    + "translates a queue consumer's)");
        }
    }
}
