package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.CreateQueueRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JVM's embedded engines are found by name: every adapter naming one gets the same engine, a second start with
 * other settings is refused with a message saying what runs, and shutdown lets the name start afresh.
 */
class EmbeddedEnginesTest {
    private final String name = "embedded-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        EmbeddedEngines.shutdown(name);
    }

    @Test
    void everyoneNamingAnEngineGetsTheSameOne() {
        EmbeddedEngines.Running first = EmbeddedEngines.engine(name, EmbeddedEngines.Settings.IN_MEMORY);

        assertThat(EmbeddedEngines.engine(name, EmbeddedEngines.Settings.IN_MEMORY).engine())
                .isSameAs(first.engine());
        assertThat(EmbeddedEngines.engine(name).engine()).isSameAs(first.engine());
        assertThat(EmbeddedEngines.running(name)).contains(first);
    }

    @Test
    void joiningByNameAloneTakesTheEngineAsItRuns() {
        EmbeddedEngines.Settings eu = new EmbeddedEngines.Settings(null, true, "eu-west-1", "111111111111");
        EmbeddedEngines.Running started = EmbeddedEngines.engine(name, eu);

        EmbeddedEngines.Running joined = EmbeddedEngines.engine(name);

        assertThat(joined.engine()).isSameAs(started.engine());
        assertThat(joined.settings()).isEqualTo(eu);
    }

    @Test
    void anEngineRunningWithOtherSettingsIsNotHandedOut() {
        EmbeddedEngines.engine(name, EmbeddedEngines.Settings.IN_MEMORY);
        EmbeddedEngines.Settings durable = new EmbeddedEngines.Settings(Path.of("data"), true, "us-east-1",
                "000000000000");

        assertThatThrownBy(() -> EmbeddedEngines.engine(name, durable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The embedded engine '" + name + "' is already running in memory in "
                        + "us-east-1/000000000000; give another name to run a second one");
    }

    @Test
    void afterShutdownTheNameStartsAFreshEngine() {
        EmbeddedEngines.Running first = EmbeddedEngines.engine(name);
        first.engine().createQueue(CreateQueueRequest.of("orders")).join();

        EmbeddedEngines.shutdown(name);
        EmbeddedEngines.Running second = EmbeddedEngines.engine(name);

        assertThat(EmbeddedEngines.running(name)).contains(second);
        assertThat(second.engine()).isNotSameAs(first.engine());
        assertThat(second.engine().listQueues(io.ferrymq.engine.sqs.ListQueuesRequest.all()).join().queueUrls())
                .as("an in-memory engine keeps nothing across a restart").isEmpty();
    }
}
