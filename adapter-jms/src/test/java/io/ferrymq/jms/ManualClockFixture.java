package io.ferrymq.jms;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sqs.QueueAttributeName;
import io.ferrymq.engine.time.ManualTimeSource;
import io.ferrymq.jms.provider.ProviderOptions;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An engine on a clock that moves only when the test says so: visibility leases, delays and lease renewals happen
 * when the test advances it, never on their own. Receives still time out on the wall clock, so a receive with a short
 * timeout is how a test sees that nothing is available now.
 */
abstract class ManualClockFixture {
    protected final ManualTimeSource clock = new ManualTimeSource();
    protected final LocalEngine engine = LocalEngine.builder().timeSource(clock).build();
    private final List<Connection> connections = new ArrayList<>();

    /** A factory on this engine; every factory of a test shares the engine's clock. */
    protected FerryConnectionFactory factory(ProviderOptions options) {
        return new FerryConnectionFactory(engine, clock, options);
    }

    protected synchronized FerryConnection connect(FerryConnectionFactory f) throws JMSException {
        FerryConnection c = f.createConnection();
        connections.add(c);
        return c;
    }

    protected FerryConnection started(FerryConnectionFactory f) throws JMSException {
        FerryConnection c = connect(f);
        c.start();
        return c;
    }

    protected void advance(Duration by) {
        clock.advance(by);
    }

    /** Visible plus in-flight messages of the SQS queue of that name. */
    protected long messagesIn(String sqsQueueName) throws Exception {
        String url = engine.getQueueUrl(sqsQueueName).get();
        Map<String, String> a = engine.getQueueAttributes(url, List.of(QueueAttributeName.ALL)).get();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @AfterEach
    void closeAll() throws JMSException {
        try {
            for (Connection c : connections) {
                c.close();
            }
        } finally {
            engine.close();
        }
    }
}
