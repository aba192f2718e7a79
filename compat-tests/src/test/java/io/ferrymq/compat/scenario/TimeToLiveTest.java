package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import static io.ferrymq.compat.scenario.ScenarioSupport.assertNothingMore;
import static io.ferrymq.compat.scenario.ScenarioSupport.receiveText;
import static io.ferrymq.compat.scenario.ScenarioSupport.text;
import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Time to live")
@ExtendWith(MatrixRecorder.class)
class TimeToLiveTest {
    private static final long TTL_MS = 1_000;

    @DisplayName("an expired message is neither delivered nor browsed")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void expiredIsNeverDelivered(Target target) throws Exception {
        Queue q = target.queue(unique("ttl"));
        try (Connection c = target.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            p.setTimeToLive(TTL_MS);
            TextMessage shortLived = s.createTextMessage("short-lived");
            p.send(shortLived);
            p.setTimeToLive(0);
            p.send(s.createTextMessage("lasting"));
            assertThat(shortLived.getJMSExpiration()).isEqualTo(shortLived.getJMSTimestamp() + TTL_MS);

            // Wait (not measure) until the message has expired, with a margin for clocks read at other moments.
            long wait = shortLived.getJMSExpiration() + 500 - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            List<String> browsed = new ArrayList<>();
            try (QueueBrowser b = s.createBrowser(q)) {
                for (Enumeration<?> e = b.getEnumeration(); e.hasMoreElements(); ) {
                    Message m = (Message) e.nextElement();
                    browsed.add(text(m));
                    if ("short-lived".equals(text(m))) {
                        // Listed though expired: with the expiration it was sent with, so a browsing application
                        // can tell.
                        assertThat(m.getJMSExpiration()).isEqualTo(shortLived.getJMSExpiration());
                    }
                }
            }
            if (target.semantics().browserShowsExpired() && browsed.contains("short-lived")) {
                assertThat(browsed).containsExactly("short-lived", "lasting");
            } else {
                assertThat(browsed).containsExactly("lasting");
            }
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(receiveText(consumer).getText()).isEqualTo("lasting");
            assertNothingMore(consumer);
            if (target.semantics().browserShowsExpired()) {
                Matrix.differs(target, "a browser may still list the expired message, with its JMSExpiration (in "
                        + "the past), until the broker's periodic expiry scan removes it; a consumer never receives "
                        + "it (broker and client check expiry on the way to a consumer, neither on the way to a "
                        + "browser)");
            }
        }
    }
}
