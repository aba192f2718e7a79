package io.ferrymq.jms;

import io.ferrymq.jms.provider.ProviderOptions;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two connection factories on one engine (say, one with prefetch 1 for slow consumers) are two views of one broker:
 * what JMS makes unique or counts across connections holds across both.
 */
class FactoriesOnOneEngineTest extends ManualClockFixture {
    private final FerryConnectionFactory a = factory(ProviderOptions.DEFAULTS);
    private final FerryConnectionFactory b = factory(ProviderOptions.DEFAULTS.withPrefetch(1));

    @Test
    void aClientIdInUseThroughOneFactoryIsRefusedThroughTheOther() throws Exception {
        connect(a).setClientID("unique");
        FerryConnection second = connect(b);
        assertThatThrownBy(() -> second.setClientID("unique")).isInstanceOf(InvalidClientIDException.class);
    }

    @Test
    void aSharedSubscriptionWithAConsumerThroughEachFactoryLivesUntilBothClose() throws Exception {
        Session sa = started(a).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session sb = started(b).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = sa.createTopic("two-factories");
        MessageConsumer ca = sa.createSharedConsumer(t, "both");
        MessageConsumer cb = sb.createSharedConsumer(t, "both");
        ca.close();
        sa.createProducer(t).send(sa.createTextMessage("still-subscribed"));
        TextMessage got = (TextMessage) cb.receive(5000);
        assertThat(got).as("closing the consumer of one factory kept the subscription of the other").isNotNull();
        assertThat(got.getText()).isEqualTo("still-subscribed");
    }
}
