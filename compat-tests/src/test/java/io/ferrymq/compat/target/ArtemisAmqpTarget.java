package io.ferrymq.compat.target;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.JmsDestination;
import org.apache.qpid.jms.JmsQueue;
import org.apache.qpid.jms.JmsTopic;
import org.apache.qpid.jms.message.JmsMessageSupport;
import org.apache.qpid.jms.policy.JmsRedeliveryPolicy;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded Artemis behind its AMQP 1.0 acceptor on a loopback port, reached with qpid-jms: the broker a team on
 * AMQP comes from, and the client FerryMQ's own AMQP front end would be measured with.
 *
 * <p>How the names map: a {@link JmsQueue} or {@link JmsTopic} is sent as the plain address with the terminus
 * capability {@code queue} or {@code topic} (Artemis offers no {@code queue-prefix}/{@code topic-prefix}), and
 * Artemis auto-creates an anycast queue, or a multicast address, of that name, just as its own client's
 * {@code ActiveMQQueue}/{@code ActiveMQTopic} do. Temporary destinations are dynamic nodes Artemis names; a durable
 * subscription needs the connection's client ID and becomes the queue {@code <clientID>.<subscription>}.
 *
 * <p>qpid-jms's defaults are kept, as an application would have them: a prefetch of 1000 per consumer (credit the
 * broker fills at once), and a {@code receiveNoWait()} that drains the link when nothing is buffered, so it sees a
 * message already on the queue. Where qpid-jms redelivers by itself, {@link #withDeadLetterQueue} gives it the limit
 * too (see there).
 */
class ArtemisAmqpTarget implements Target {
    /**
     * Artemis's documented behaviour, which qpid-jms keeps: priority is the broker's best effort (qpid-jms does not
     * reorder what it has prefetched: {@code jms.localMessagePriority=false}); delivery delay is unlimited (qpid-jms
     * sends it as the annotation {@code x-opt-delivery-time}, a broker offering {@code DELAYED_DELIVERY} schedules
     * it); a rolled-back message is sorted back into its place in the queue, a recovered one is redelivered by qpid-jms
     * from its own buffer ahead of the rest; a browser does not see scheduled messages. "Unlimited" stops short of
     * {@code Long.MAX_VALUE} itself: qpid-jms (as Artemis's own client) adds the delay to the send time, a delay of
     * {@code Long.MAX_VALUE} overflows to a delivery time in the past and the message is delivered at once.
     *
     * <p>A browser lists expired messages until Artemis's expiry scan removes them ({@code message-expiry-scan-period},
     * 30 s by default). The broker honours the expiry qpid-jms sends (the header's {@code ttl} and the properties'
     * {@code absolute-expiry-time}, AMQPMessage.scanMessageData) and checks it before delivering to a consumer, but
     * not when it feeds a browser (ServerConsumerImpl's BrowserDeliverer hands each reference to {@code handle},
     * which checks no expiry). Artemis's own client drops such a message itself (ClientConsumerImpl.receive, browsers
     * included); qpid-jms drops expired messages for consumers only ({@code jms.localMessageExpiry}, default true,
     * is skipped for a browser: JmsMessageConsumer.consumeExpiredMessage tests {@code !isBrowser()}), so no option of
     * either side changes it.
     *
     * <p>A topic subscriber's selector sees JMSDeliveryMode, JMSPriority, JMSMessageID and JMSTimestamp as NULL. For
     * a queue consumer Artemis translates the JMS selector into its own filter names ({@code JMSPriority} becomes
     * {@code AMQPriority} and so on: AMQPSessionCallback.createSender, SelectorTranslator), but for a subscription
     * (a multicast address) DefaultSenderController.init makes the subscription queue with the selector untranslated
     * as its filter and passes the consumer none ({@code multicast ? null : selector}); the filter then looks the
     * header names up as message properties (AMQPMessage.getObjectProperty), which knows JMSType (the AMQP
     * {@code subject}), JMSCorrelationID and JMSXGroupID but not these four, so they are absent: NULL. This holds for
     * durable and shared subscriptions alike; neither client nor acceptor has an option for it. Artemis's own client
     * translates the selector for subscriptions too (ActiveMQSession.createConsumer).
     *
     * <p>{@code Session.unsubscribe} of a durable subscription with an active consumer throws a plain JMSException
     * ("Can't remove an active durable subscription: ..."), where Artemis's own client and FerryMQ throw
     * IllegalStateException; the javadoc promises only a JMSException. qpid-jms refuses it itself, before asking the
     * broker (AmqpConnection.unsubscribe, from the subscriptions its connection tracks), with a ProviderException,
     * which it turns into a plain JMSException (ProviderException.toJMSException).
     *
     * <p>A send to a temporary queue that its connection's close deleted is accepted by the broker, as from
     * Artemis's own client, when it names the queue with another destination object (the JMSReplyTo a replying
     * service received); but a send through the very JmsTemporaryQueue object of the closed connection throws
     * IllegalStateException ("Temporary destination has been deleted") from qpid-jms itself: JmsSession.send checks
     * {@code JmsTemporaryDestination.isDeleted()}, which the connection sets on the objects it deleted.
     *
     * <p>As on Artemis's own client: browsing shows waiting messages only (not scheduled, not delivering), a
     * dead-lettered message is a copy whose count starts again, message groups are pinned to a consumer, there is no
     * lease.
     */
    static final Semantics SEMANTICS = new Semantics(true, Long.MAX_VALUE, true, false, false, false, true, 0,
            false, true, false, true);

    private final ActiveMQServer server;
    private final String url;
    /** Queue name to the most deliveries a message may have, for qpid-jms's own redeliveries (recover). */
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();

    ArtemisAmqpTarget() {
        try {
            server = EmbeddedArtemis.start("compat-amqp", Path.of("target/compat/artemis-amqp"), false,
                    EmbeddedArtemis.AMQP_LOOPBACK);
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not start", e);
        }
        url = "amqp://127.0.0.1:" + EmbeddedArtemis.port(server, 0);
    }

    @Override
    public String id() {
        return "artemis-amqp";
    }

    @Override
    public String title() {
        return "Artemis (AMQP, qpid-jms)";
    }

    @Override
    public ConnectionFactory connectionFactory() {
        JmsConnectionFactory factory = new JmsConnectionFactory(url);
        factory.setRedeliveryPolicy(new PerQueueLimit(limits));
        return factory;
    }

    @Override
    public Queue queue(String name) {
        return new JmsQueue(name);
    }

    @Override
    public Topic topic(String name) {
        return new JmsTopic(name);
    }

    /**
     * As on {@link ArtemisInVmTarget}: the queue's address settings send a message to the returned queue once it
     * has been delivered {@code maxDeliveries} times. The broker counts what comes back to it, which with qpid-jms
     * is a rollback or a consumer closed on unacknowledged messages; {@code Session.recover()} is redelivered by
     * qpid-jms from its own buffer without the broker knowing, so factories of this target also carry the limit
     * (qpid-jms's redelivery policy) and reject such a message to the dead-letter address on the delivery past it.
     * A {@code MessageListener} that throws in AUTO_ACKNOWLEDGE is a third case that reaches no limit at all:
     * qpid-jms settles the message {@code Released} (JmsMessageConsumer.deliverNextPending), which Artemis puts back
     * without counting a delivery (ProtonServerSenderContext: Released is a cancel with failed=false), so it comes
     * back at once with JMSRedelivered false and JMSXDeliveryCount 1, in a tight loop (tens of thousands of
     * deliveries a second here) that never reaches the dead-letter queue, where JMS 2.0 section 8.7 has JMSRedelivered
     * set and JMSXDeliveryCount incremented.
     */
    @Override
    public Queue withDeadLetterQueue(String queueName, int maxDeliveries) throws Exception {
        String dlq = EmbeddedArtemis.deadLetterQueue(server, queueName, maxDeliveries);
        limits.put(queueName, maxDeliveries);
        return new JmsQueue(dlq);
    }

    @Override
    public Semantics semantics() {
        return SEMANTICS;
    }



    @Override
    public void close() throws Exception {
        server.stop();
    }

    @Override
    public String toString() {
        return id();
    }

    /**
     * qpid-jms's redelivery limit per queue: a message it would hand to the application for the
     * {@code maxDeliveries + 1}th time is rejected instead, which Artemis answers by dead-lettering it.
     */
    private record PerQueueLimit(Map<String, Integer> limits) implements JmsRedeliveryPolicy {
        @Override
        public JmsRedeliveryPolicy copy() {
            return this; // the live map: a limit set after a connection was made still applies to it
        }

        @Override
        public int getMaxRedeliveries(JmsDestination destination) {
            Integer max = destination == null || destination.isTopic() ? null : limits.get(destination.getAddress());
            return max == null ? -1 : max - 1;
        }

        @Override
        public int getOutcome(JmsDestination destination) {
            return JmsMessageSupport.REJECTED;
        }
    }
}
