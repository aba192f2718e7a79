package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A durable engine that was closed says so to whatever still tries to change it, rather than blaming the disk. */
class ClosedDurableEngineTest extends DurableEngineFixture {

    @Test
    void aChangeAfterCloseFailsSayingTheEngineIsClosedAndNothingIsWritten() {
        String queue = createQueue("late");
        send(queue, "before");
        engine.close();

        EngineException e = failure(engine.sendMessage(SendMessageRequest.of(queue, "after")));
        assertThat(e.getMessage()).contains("This engine is closed").doesNotContain("stopped accepting changes");

        engine = open();
        assertThat(drain(queue)).extracting(m -> m.body()).containsExactly("before");
    }
}
