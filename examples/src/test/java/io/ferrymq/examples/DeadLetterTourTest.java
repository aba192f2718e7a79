package io.ferrymq.examples;

import io.ferrymq.engine.local.LocalEngine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's engine tour must keep telling the true story: three failures, the DLQ, the redrive, the delete. */
class DeadLetterTourTest {

    @Test
    void theTourDeadLettersThePoisonMessageRedrivesItAndEndsWithEmptyQueues() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LocalEngine engine = LocalEngine.create()) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            DeadLetterTour.run(engine);

            String orders = engine.getQueueUrl("orders").get();
            String dlq = engine.getQueueUrl("orders-dlq").get();
            for (String url : List.of(orders, dlq)) {
                assertThat(engine.getQueueAttributes(url, List.of("All")).get())
                        .containsEntry("ApproximateNumberOfMessages", "0")
                        .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
            }
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("receive #3  id=")
                .contains("receive #4  nothing: the message went past maxReceiveCount=3")
                .contains("orders-dlq visible=1 in-flight=0")
                .contains("move task  COMPLETED: moved 1 of 1")
                .contains("ApproximateReceiveCount=1 body={\"order\":1001")
                .contains("deleted");
    }
}
