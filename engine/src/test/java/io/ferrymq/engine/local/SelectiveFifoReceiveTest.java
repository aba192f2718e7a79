package io.ferrymq.engine.local;

import io.ferrymq.engine.MessageFilter;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.ferrymq.engine.local.SelectiveReceiveTest.RED;
import static io.ferrymq.engine.local.SelectiveReceiveTest.bodies;
import static io.ferrymq.engine.local.SelectiveReceiveTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SELECTIVE_RECEIVE on a FIFO queue: only the first message of each available group is a candidate, so a rejected
 * head holds its group back from that receive, while the group stays available to every other receive.
 */
class SelectiveFifoReceiveTest extends EngineFixture {
    private String queue;

    @BeforeEach
    void inlineDeliveries() {
        engine.close();
        engine = LocalEngine.builder().timeSource(clock).deliveryExecutor(Runnable::run).build();
        queue = createQueue("paint.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
    }

    @Test
    void onlyGroupHeadsAreCandidatesSoARejectedHeadHoldsItsGroupBack() {
        send("g1", "g1-red", "red");
        send("g1", "g1-blue", "blue");
        send("g2", "g2-blue", "blue");
        send("g2", "g2-red", "red");

        assertThat(bodies(selective(RED))).as("g2-red is behind a rejected head").containsExactly("g1-red");
    }

    @Test
    void afterTakingAHeadTheReceiveGoesOnWithTheMessagesBehindItUntilOneIsRejected() {
        send("g1", "a", "red");
        send("g1", "b", "red");
        send("g1", "c", "blue");
        send("g1", "d", "red");

        assertThat(bodies(selective(RED))).containsExactly("a", "b");
        assertThat(receive(queue, 10)).as("the group is in flight").isEmpty();
    }

    @Test
    void aRejectedHeadStaysAvailableToOtherReceivesWithItsReceiveCountUntouched() {
        send("g1", "g1-blue", "blue");
        send("g1", "g1-red", "red");
        send("g2", "g2-red", "red");

        assertThat(bodies(selective(RED))).containsExactly("g2-red");

        List<Message> rest = receive(queue, 10);
        assertThat(bodies(rest)).containsExactly("g1-blue", "g1-red");
        assertThat(rest).allSatisfy(m -> assertThat(m.receiveCount()).isEqualTo(1));
    }

    @Test
    void groupsWhoseHeadsWereRejectedKeepTheirPlaceInLine() {
        send("g1", "g1-blue", "blue");
        send("g2", "g2-red", "red");
        send("g3", "g3-blue", "blue");
        send("g4", "g4-red", "red");

        assertThat(bodies(selective(RED))).containsExactly("g2-red", "g4-red");

        assertThat(receiveOne(queue).body()).isEqualTo("g1-blue");
        assertThat(receiveOne(queue).body()).isEqualTo("g3-blue");
    }

    @Test
    void aWaitingSelectiveReceiveIsWokenWhenAMatchReachesItsGroupsHead() {
        send("g1", "g1-blue", "blue");
        send("g1", "g1-red", "red");
        CompletableFuture<ReceiveMessageResult> waiting = engine.receiveMessage(request(queue)
                .withWaitTimeSeconds(20), RED);
        send("g2", "g2-blue", "blue");
        Message blue = receiveOne(queue);
        assertThat(waiting).isNotDone();

        await(engine.deleteMessage(queue, blue.receiptHandle()));

        assertThat(bodies(await(waiting).messages())).containsExactly("g1-red");
    }

    private void send(String group, String body, String color) {
        await(engine.sendMessage(SendMessageRequest.of(queue, body).withMessageGroupId(group)
                .withMessageAttributes(Map.of("color", MessageAttributeValue.string(color)))));
    }

    private List<Message> selective(MessageFilter filter) {
        return await(engine.receiveMessage(request(queue).withMaxNumberOfMessages(10), filter)).messages();
    }
}
