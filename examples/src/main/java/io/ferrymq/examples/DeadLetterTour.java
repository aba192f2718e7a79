package io.ferrymq.examples;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.MessageMoveTask;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.StartMessageMoveTaskRequest;

import java.util.List;
import java.util.Map;

/**
 * FerryMQ's engine end to end, the way an SQS application lives with a poison message: it fails processing until
 * the queue's RedrivePolicy moves it to the dead-letter queue; an operator looks at it, fixes the cause, and redrives
 * it back with a message move task; this time it is processed and deleted. The README's engine tour:
 * {@code mvn -q -B -pl examples -am compile exec:java -Dexec.mainClass=io.ferrymq.examples.DeadLetterTour}.
 */
public final class DeadLetterTour {
    private static final int MAX_RECEIVE_COUNT = 3;

    private DeadLetterTour() {
    }

    public static void main(String[] args) throws Exception {
        try (Engine engine = LocalEngine.create()) {
            run(engine);
        }
    }

    static void run(Engine engine) throws Exception {
        step("Create the dead-letter queue, and a queue that sends messages there after "
                + MAX_RECEIVE_COUNT + " failed receives");
        String dlqUrl = engine.createQueue(CreateQueueRequest.of("orders-dlq")).get();
        String dlqArn = engine.getQueueAttributes(dlqUrl, List.of("QueueArn")).get().get("QueueArn");
        String queueUrl = engine.createQueue(CreateQueueRequest.of("orders", Map.of(
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + MAX_RECEIVE_COUNT + "}",
                "VisibilityTimeout", "30"))).get();
        say("queue      %s", queueUrl);
        say("DLQ        %s", dlqArn);

        step("Send an order the consumer cannot process yet");
        var sent = engine.sendMessage(SendMessageRequest.of(queueUrl, "{\"order\":1001,\"sku\":\"XJ-9\"}")
                .withMessageAttributes(Map.of("customer", MessageAttributeValue.string("acme"),
                        "priority", MessageAttributeValue.number(7)))).get();
        say("sent       id=%s md5=%s", sent.messageId(), sent.md5OfMessageBody());

        step("Receive it and fail processing: hand it back at once instead of waiting out the visibility timeout");
        for (int attempt = 1; ; attempt++) {
            List<Message> got = receive(engine, queueUrl);
            if (got.isEmpty()) {
                say("receive #%d  nothing: the message went past maxReceiveCount=%d and moved to the DLQ",
                        attempt, MAX_RECEIVE_COUNT);
                break;
            }
            Message m = got.get(0);
            say("receive #%d  id=%s ApproximateReceiveCount=%s -> processing failed", attempt, m.messageId(),
                    m.attributes().get("ApproximateReceiveCount"));
            engine.changeMessageVisibility(queueUrl, m.receiptHandle(), 0).get();
        }
        counts(engine, queueUrl, "orders");
        counts(engine, dlqUrl, "orders-dlq");

        step("Look at the dead letter (and leave it there)");
        Message dead = receive(engine, dlqUrl).get(0);
        say("dead       id=%s body=%s", dead.messageId(), dead.body());
        say("           DeadLetterQueueSourceArn=%s", dead.attributes().get("DeadLetterQueueSourceArn"));
        say("           attributes=%s", dead.messageAttributes());
        engine.changeMessageVisibility(dlqUrl, dead.receiptHandle(), 0).get();

        step("The bug is fixed: redrive the DLQ back to its source with a message move task");
        String task = engine.startMessageMoveTask(StartMessageMoveTaskRequest.toOriginalSources(dlqArn)).get();
        MessageMoveTask status = awaitMoveTask(engine, dlqArn);
        say("move task  %s: moved %d of %d", status.status(), status.approximateNumberOfMessagesMoved(),
                status.approximateNumberOfMessagesToMove());
        say("           (handle %s...)", task.substring(0, 16));

        step("Receive it again: a new message with a fresh receive count; process it and delete it");
        Message retried = receive(engine, queueUrl).get(0);
        say("receive    id=%s ApproximateReceiveCount=%s body=%s", retried.messageId(),
                retried.attributes().get("ApproximateReceiveCount"), retried.body());
        engine.deleteMessage(queueUrl, retried.receiptHandle()).get();
        say("deleted");
        counts(engine, queueUrl, "orders");
        counts(engine, dlqUrl, "orders-dlq");
    }

    private static List<Message> receive(Engine engine, String queueUrl) throws Exception {
        return engine.receiveMessage(ReceiveMessageRequest.of(queueUrl).withWaitTimeSeconds(1)
                .withMessageSystemAttributeNames("All").withMessageAttributeNames("All")).get().messages();
    }

    /** Move tasks run in the background; poll their status as an operator would. */
    private static MessageMoveTask awaitMoveTask(Engine engine, String dlqArn) throws Exception {
        for (int i = 0; i < 500; i++) {
            MessageMoveTask t = engine.listMessageMoveTasks(dlqArn, 1).get().get(0);
            if (!t.status().equals("RUNNING")) {
                return t;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the move task did not finish");
    }

    private static void counts(Engine engine, String queueUrl, String name) throws Exception {
        Map<String, String> a = engine.getQueueAttributes(queueUrl,
                List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).get();
        say("%-10s visible=%s in-flight=%s", name, a.get("ApproximateNumberOfMessages"),
                a.get("ApproximateNumberOfMessagesNotVisible"));
    }

    private static void step(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    private static void say(String format, Object... args) {
        System.out.println("   " + String.format(format, args));
    }
}
