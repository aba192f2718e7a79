package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.Message;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterQueueTest extends EngineFixture {

    private String queueWithDlq(String dlqUrl, int maxReceiveCount) {
        return createQueue("orders", Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arnOf(dlqUrl) + "\",\"maxReceiveCount\":" + maxReceiveCount + "}"));
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
}
