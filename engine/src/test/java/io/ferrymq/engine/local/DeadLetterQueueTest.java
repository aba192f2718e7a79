package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.ListDeadLetterSourceQueuesRequest;
import io.ferrymq.engine.sqs.ListQueuesResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterQueueTest extends EngineFixture {

    private String queueWithDlq(String dlqUrl, int maxReceiveCount) {
        return queueWithDlq("orders", dlqUrl, maxReceiveCount);
    }

    private String queueWithDlq(String name, String dlqUrl, int maxReceiveCount) {
        return createQueue(name, Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                redrivePolicy(dlqUrl, maxReceiveCount)));
    }

    private String redrivePolicy(String dlqUrl, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + arnOf(dlqUrl) + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    @Test
    void aReceiveThatWouldExceedMaxReceiveCountMovesTheMessageToTheDlqInstead() {
        String dlq = createQueue("orders-dlq");
        String queue = queueWithDlq(dlq, 2);
        String id = send(queue, "poison");

        assertThat(receiveOne(queue).receiveCount()).isEqualTo(1);
        clock.advanceSeconds(10);
        assertThat(receiveOne(queue).receiveCount()).isEqualTo(2);
        clock.advanceSeconds(10);

        assertThat(receive(queue, 10)).isEmpty();
        Message dead = receiveOne(dlq);
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.body()).isEqualTo("poison");
        assertThat(dead.attributes()).containsEntry("DeadLetterQueueSourceArn", arnOf(queue));
        assertThat(dead.receiveCount()).as("the receive count carries over, as in SQS").isEqualTo(3);
    }

    @Test
    void withMaxReceiveCountOneTheFirstReceiveDeliversAndTheSecondMoves() {
        String dlq = createQueue("orders-dlq");
        String queue = queueWithDlq(dlq, 1);
        send(queue, "once");

        assertThat(receiveOne(queue).body()).isEqualTo("once");
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isZero();
        clock.advanceSeconds(10);

        assertThat(receive(queue, 10)).isEmpty();
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(1);
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }

    @Test
    void bodyAndMessageAttributesArePreservedInTheDlq() {
        String dlq = createQueue("orders-dlq");
        String queue = queueWithDlq(dlq, 1);
        Map<String, MessageAttributeValue> attributes = Map.of("kind", MessageAttributeValue.string("order"),
                "amount", MessageAttributeValue.number(42), "blob", MessageAttributeValue.binary(new byte[]{1, 2}));
        await(engine.sendMessage(SendMessageRequest.of(queue, "payload \u00e9").withMessageAttributes(attributes)));
        Message original = receiveOne(queue);
        clock.advanceSeconds(10);
        receive(queue, 10);

        Message dead = receiveOne(dlq);

        assertThat(dead.body()).isEqualTo("payload \u00e9");
        assertThat(dead.md5OfBody()).isEqualTo(original.md5OfBody());
        assertThat(dead.messageAttributes()).isEqualTo(attributes);
        assertThat(dead.md5OfMessageAttributes()).isEqualTo(original.md5OfMessageAttributes());
        assertThat(dead.attributes().get("SentTimestamp")).as("a standard DLQ keeps the enqueue time")
                .isEqualTo(original.attributes().get("SentTimestamp"));
    }

    @Test
    void theReceiveCountKeepsCountingInTheDlq() {
        String dlq = createQueue("orders-dlq", Map.of("VisibilityTimeout", "10"));
        String queue = queueWithDlq(dlq, 1);
        send(queue, "m");
        receiveOne(queue);
        clock.advanceSeconds(10);
        receive(queue, 10);

        assertThat(receiveOne(dlq).receiveCount()).isEqualTo(2);
        clock.advanceSeconds(10);
        assertThat(receiveOne(dlq).receiveCount()).isEqualTo(3);
    }

    @Test
    void aDlqOfTheOtherTypeIsRefusedAtCreateQueue() {
        String fifoDlq = createQueue("dead.fifo", Map.of("FifoQueue", "true"));
        String policy = redrivePolicy(fifoDlq, 3);

        EngineException e = failure(engine.createQueue(CreateQueueRequest.of("orders",
                Map.of("RedrivePolicy", policy))));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo("Value " + policy + " for parameter RedrivePolicy is invalid. Reason:"
                + " Dead-letter queue must be same type of queue as the source..");
        assertThat(failure(engine.getQueueUrl("orders")).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
    }

    @Test
    void aDlqOfTheOtherTypeIsRefusedAtSetQueueAttributes() {
        String standardDlq = createQueue("dead");
        String fifo = createQueue("orders.fifo", Map.of("FifoQueue", "true"));
        String policy = redrivePolicy(standardDlq, 3);

        EngineException e = failure(engine.setQueueAttributes(fifo, Map.of("RedrivePolicy", policy)));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).endsWith("Reason: Dead-letter queue must be same type of queue as the source..");
        assertThat(await(engine.getQueueAttributes(fifo, List.of("All")))).doesNotContainKey("RedrivePolicy");
    }

    @Test
    void aFifoSourceMovesToAFifoDlqKeepingTheGroupOrder() {
        Map<String, String> fifo = Map.of("FifoQueue", "true", "VisibilityTimeout", "10");
        String dlq = createQueue("dead.fifo", fifo);
        String queue = createQueue("orders.fifo", Map.of("FifoQueue", "true", "VisibilityTimeout", "10",
                "RedrivePolicy", redrivePolicy(dlq, 1)));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(await(engine.sendMessage(SendMessageRequest.of(queue, "m" + i).withMessageGroupId("g")
                    .withMessageDeduplicationId("d" + i))).messageId());
        }
        assertThat(receive(queue, 10)).hasSize(5);
        clock.advanceSeconds(10);
        assertThat(receive(queue, 10)).isEmpty();

        List<Message> dead = receive(dlq, 10);

        assertThat(bodies(dead)).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(dead).extracting(Message::messageId).containsExactlyElementsOf(ids);
        assertThat(dead.get(0).attributes())
                .containsEntry("MessageGroupId", "g")
                .containsEntry("MessageDeduplicationId", ids.get(0))
                .containsEntry("SentTimestamp", Long.toString(clock.millis()));
    }

    @Test
    void listDeadLetterSourceQueuesNamesEverySourcePageByPage() {
        String dlq = createQueue("dead");
        List<String> sources = new ArrayList<>();
        for (String name : List.of("a-orders", "b-orders", "c-orders", "d-orders", "e-orders")) {
            sources.add(queueWithDlq(name, dlq, 3));
        }
        createQueue("unrelated");

        assertThat(await(engine.listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest.of(dlq))).queueUrls())
                .containsExactlyInAnyOrderElementsOf(sources);

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListQueuesResult page = await(engine.listDeadLetterSourceQueues(
                    new ListDeadLetterSourceQueuesRequest(dlq, 2, token)));
            assertThat(page.queueUrls()).hasSizeBetween(1, 2);
            paged.addAll(page.queueUrls());
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(sources);
    }

    @Test
    void listDeadLetterSourceQueuesOfAQueueThatIsNoDlqIsEmpty() {
        String plain = createQueue("plain");

        assertThat(await(engine.listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest.of(plain)))
                .queueUrls()).isEmpty();
    }

    @Test
    void whenTheDlqWasDeletedMessagesPastMaxReceiveCountStayDeliverable() {
        String dlq = createQueue("orders-dlq");
        String queue = queueWithDlq(dlq, 1);
        String id = send(queue, "m");
        receiveOne(queue);
        await(engine.deleteQueue(dlq));
        clock.advanceSeconds(10);

        Message again = receiveOne(queue);

        assertThat(again.messageId()).isEqualTo(id);
        assertThat(again.receiveCount()).isEqualTo(2);
    }

    @Test
    void theDlqCountsTheMessagesMovedIntoIt() {
        String dlq = createQueue("orders-dlq");
        String queue = queueWithDlq(dlq, 1);
        for (int i = 0; i < 7; i++) {
            send(queue, "m" + i);
        }
        assertThat(receive(queue, 10)).hasSize(7);
        clock.advanceSeconds(10);

        assertThat(receive(queue, 3)).isEmpty();

        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(7);
        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isZero();
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
    }
}
