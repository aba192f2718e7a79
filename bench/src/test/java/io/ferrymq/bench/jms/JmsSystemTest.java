package io.ferrymq.bench.jms;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The alternative is what the table says it is: Artemis journals exactly when the storage is durable. */
class JmsSystemTest {

    @ParameterizedTest
    @CsvSource({"memory, false", "fsync, true", "nosync, true"})
    void artemisJournalsExactlyOnDurableStorage(String storage, boolean journals) throws Exception {
        try (JmsSystem system = JmsSystem.start(JmsSystem.ARTEMIS, storage)) {
            assertThat(((JmsSystem.Artemis) system).journals()).isEqualTo(journals);
        }
    }
}
