package io.ferrymq.jms;

import io.ferrymq.jms.provider.ProviderOptions;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message the application holds (unacknowledged, uncommitted, or in a slow listener) keeps its visibility lease
 * however long it takes: the provider renews it on the engine's clock, which these tests move far past the lease.
 */
class LeaseKeepAliveTest extends ManualClockFixture {
    private static final int LEASE_SECONDS = 10;
    private static final Duration FAR_BEYOND_THE_LEASE = Duration.ofMinutes(30);

    private FerryConnectionFactory factory;
    private Session other;
    private Queue queue;

    @BeforeEach
    void open() throws Exception {
        factory = factory(ProviderOptions.DEFAULTS.withLeaseSeconds(LEASE_SECONDS));
        other = started(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = other.createQueue("held");
        other.createProducer(queue).send(other.createTextMessage("precious"));
    }

    @Test
    void aClientAcknowledgeMessageHeldPastItsLeaseIsNotGivenToAnotherConsumer() throws Exception {
        Session holder = started(factory).createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message held = holder.createConsumer(queue).receive(5000);
        assertThat(held).isNotNull();

        MessageConsumer competitor = other.createConsumer(queue);
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).as("still leased by the holder").isNull();

        held.acknowledge();
        assertThat(factory.provider().leases().heldCount()).as("no lease is kept for a settled message").isZero();
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).as("acknowledged: deleted").isNull();
        assertThat(messagesIn("held")).isZero();
    }

    @Test
    void aHeldMessageComesBackOnceItsSessionClosesWithoutAcknowledging() throws Exception {
        Session holder = started(factory).createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message held = holder.createConsumer(queue).receive(5000);
        MessageConsumer competitor = other.createConsumer(queue);
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).isNull();

        holder.close();
        Message again = competitor.receive(5000);
        assertThat(again).isNotNull();
        assertThat(again.getJMSMessageID()).isEqualTo(held.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void anUncommittedReceiveKeepsItsLeaseUntilCommit() throws Exception {
        Session tx = started(factory).createSession(true, Session.SESSION_TRANSACTED);
        assertThat(tx.createConsumer(queue).receive(5000)).isNotNull();
        MessageConsumer competitor = other.createConsumer(queue);
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).isNull();
        tx.commit();
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).isNull();
        assertThat(messagesIn("held")).isZero();
    }

    @Test
    void aSlowListenerKeepsItsMessageLeasedAndItIsDeletedWhenTheListenerReturns() throws Exception {
        FerryConnection conn = started(factory);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        MessageConsumer competitor = other.createConsumer(queue);
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).as("the listener still has it").isNull();

        release.countDown();
        awaitEmpty();
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).isNull();
    }

    @Test
    void aSlowClientAcknowledgeListenerWhoseSessionClosesUnacknowledgedGivesTheMessageBack() throws Exception {
        FerryConnection conn = started(factory);
        Session ls = conn.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ls.createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        MessageConsumer competitor = other.createConsumer(queue);
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).isNull();

        release.countDown();
        ls.close();
        Message again = competitor.receive(5000);
        assertThat(again).isNotNull();
        assertThat(((TextMessage) again).getText()).isEqualTo("precious");
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void prefetchedMessagesStayLeasedAndAreHandedBackWhenTheListenersConnectionCloses() throws Exception {
        for (int i = 0; i < 4; i++) {
            other.createProducer(queue).send(other.createTextMessage("more-" + i));
        }
        FerryConnection conn = started(factory);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        conn.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        // The prefetch pull is asynchronous.
        await().atMost(Duration.ofSeconds(10)).until(() -> factory.provider().leases().heldCount() >= 5);
        assertThat(factory.provider().leases().heldCount()).as("one in the listener, four prefetched").isEqualTo(5);

        MessageConsumer competitor = other.createConsumer(queue);
        advance(FAR_BEYOND_THE_LEASE);
        assertThat(competitor.receiveNoWait()).as("prefetched messages keep their lease too").isNull();

        Thread closer = new Thread(() -> {
            try {
                conn.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        closer.start();
        // close() stops delivery first, then waits for the running listener
        await().atMost(Duration.ofSeconds(30)).until(() -> !conn.isStarted());
        release.countDown();
        closer.join(30_000);
        assertThat(closer.isAlive()).isFalse();

        // Handed back uncounted once the engine can release; until then a hand-back counts as a delivery.
        int expectedCount = engine.capabilities().contains(io.ferrymq.engine.Capability.RELEASE) ? 1 : 2;
        java.util.Set<String> texts = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            Message m = competitor.receive(5000);
            assertThat(m).isNotNull();
            texts.add(((TextMessage) m).getText());
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(expectedCount);
        }
        assertThat(texts).containsExactlyInAnyOrder("more-0", "more-1", "more-2", "more-3");
        assertThat(competitor.receiveNoWait()).as("the one the listener had was consumed").isNull();
    }

    @Test
    void withoutTheApplicationHoldingItTheLeaseIsNotRenewed() throws Exception {
        // The control: what the other tests show is the provider's doing, not a lease that never ends.
        String url = engine.getQueueUrl("held").get();
        var leased = engine.receiveMessage(io.ferrymq.engine.sqs.ReceiveMessageRequest.of(url)
                .withVisibilityTimeout(LEASE_SECONDS)).get();
        assertThat(leased.messages()).hasSize(1);
        MessageConsumer competitor = other.createConsumer(queue);
        assertThat(competitor.receiveNoWait()).isNull();
        advance(Duration.ofSeconds(LEASE_SECONDS));
        assertThat(competitor.receive(5000)).isNotNull();
    }

    private void awaitEmpty() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn("held") == 0);
    }
}
