package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A fresh engine on a hand-driven clock for each test, and the few helpers every engine test uses.
 * Waiting on a future is bounded so that a lost wake-up fails the test instead of hanging it.
 */
abstract class EngineFixture {
    protected ManualTimeSource clock;
    protected LocalEngine engine;

    @BeforeEach
    void startEngine() {
        clock = new ManualTimeSource();
        engine = LocalEngine.builder().timeSource(clock).build();
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    protected static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the engine did not answer", e);
        }
    }

    /** The engine error a call completes with; fails the test when it succeeds. */
    protected static EngineException failure(CompletableFuture<?> future) {
        try {
            Object value = await(future);
            return fail("expected an error, got " + value);
        } catch (EngineException e) {
            return e;
        }
    }

    /** Asserts that a call fails with exactly this SQS error and message, and returns the error. */
    protected static EngineException assertFails(CompletableFuture<?> future, ErrorCode code, String message) {
        EngineException e = failure(future);
        assertThat(e.errorCode()).as("error code of %s", e).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
        return e;
    }

    protected String createQueue(String name) {
        return await(engine.createQueue(CreateQueueRequest.of(name)));
    }

    protected String createQueue(String name, Map<String, String> attributes) {
        return await(engine.createQueue(CreateQueueRequest.of(name, attributes)));
    }

    protected String arnOf(String queueUrl) {
        return await(engine.getQueueAttributes(queueUrl, List.of("QueueArn"))).get("QueueArn");
    }

    protected String send(String queueUrl, String body) {
        return await(engine.sendMessage(SendMessageRequest.of(queueUrl, body))).messageId();
    }

    protected List<Message> receive(String queueUrl, int max) {
        return await(engine.receiveMessage(ReceiveMessageRequest.of(queueUrl).withMaxNumberOfMessages(max)
                .withMessageSystemAttributeNames("All").withMessageAttributeNames("All"))).messages();
    }

    protected Message receiveOne(String queueUrl) {
        List<Message> got = receive(queueUrl, 1);
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    protected int attribute(String queueUrl, String name) {
        return Integer.parseInt(await(engine.getQueueAttributes(queueUrl, List.of(name))).get(name));
    }

    /** Every attribute of the queue (GetQueueAttributes All). */
    protected Map<String, String> attributes(String queueUrl) {
        return await(engine.getQueueAttributes(queueUrl, List.of("All")));
    }

    // ---- SNS ----

    protected String createTopic(String name) {
        return await(engine.createTopic(CreateTopicRequest.of(name)));
    }

    /** Subscribes the queue with this URL to the topic; returns the subscription ARN. */
    protected String subscribeQueue(String topicArn, String queueUrl) {
        return await(engine.subscribe(SubscribeRequest.sqs(topicArn, arnOf(queueUrl))));
    }

    /** Receives and deletes until the queue answers empty; FIFO groups unlock as their messages are deleted. */
    protected List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        for (int round = 0; round < 1_000; round++) {
            List<Message> got = receive(queueUrl, 10);
            if (got.isEmpty()) {
                return all;
            }
            for (Message m : got) {
                await(engine.deleteMessage(queueUrl, m.receiptHandle()));
            }
            all.addAll(got);
        }
        throw new AssertionError("the queue did not run dry");
    }
}
