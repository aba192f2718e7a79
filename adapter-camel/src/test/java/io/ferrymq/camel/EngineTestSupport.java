package io.ferrymq.camel;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.QueueAttributeName;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real CamelContext on a real LocalEngine whose clock moves only when a test says so: visibility timeouts and
 * redelivery happen when the test advances the clock, never by waiting. The engine and its clock are bound in the
 * registry, so ferry-sqs and ferry-sns autowire them.
 */
public abstract class EngineTestSupport extends CamelTestSupport {
    /** Long enough for any event the test waits for; only reached when the behaviour is broken. */
    protected static final long WAIT_SECONDS = 20;

    protected final ManualTimeSource clock = new ManualTimeSource();
    protected final LocalEngine engine = LocalEngine.builder().timeSource(clock).build();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("engine", engine);
        registry.bind("clock", clock);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        engine.close();
        super.doPostTearDown();
    }

    protected String createQueue(String name, Map<String, String> attributes) {
        return engine.createQueue(CreateQueueRequest.of(name, attributes)).join();
    }

    protected String createQueue(String name) {
        return createQueue(name, Map.of());
    }

    protected String queueUrl(String name) {
        return engine.getQueueUrl(name).join();
    }

    protected String queueArn(String name) {
        return engine.getQueueAttributes(queueUrl(name), List.of(QueueAttributeName.QUEUE_ARN)).join()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** A queue attribute as a number (ApproximateNumberOfMessages and the like). */
    protected int attribute(String queueName, String attribute) {
        return Integer.parseInt(engine.getQueueAttributes(queueUrl(queueName), List.of(attribute)).join()
                .get(attribute));
    }

    protected void sendToQueue(String queueName, String body) {
        engine.sendMessage(SendMessageRequest.of(queueUrl(queueName), body)).join();
    }

    /** Takes up to 10 messages straight from the engine, waiting for the first (the test's clock never expires it). */
    protected List<Message> receiveFromQueue(String queueName) throws Exception {
        return engine.receiveMessage(ReceiveMessageRequest.of(queueUrl(queueName)).withMaxNumberOfMessages(10)
                        .withWaitTimeSeconds(20).withMessageSystemAttributeNames("All"))
                .get(WAIT_SECONDS, TimeUnit.SECONDS).messages();
    }

    /** The queue holds nothing: no visible, in-flight or delayed message. */
    protected void assertQueueEmpty(String queueName) {
        assertThat(attribute(queueName, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).as("visible").isZero();
        assertThat(attribute(queueName, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .as("in flight").isZero();
        assertThat(attribute(queueName, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .as("delayed").isZero();
    }

    /** Waits until {@code exchanges} exchanges from the route have finished, their settlement included. */
    protected void awaitDone(NotifyBuilder notify) {
        assertThat(notify.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("exchanges done: " + notify).isTrue();
    }
}
