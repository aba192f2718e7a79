package io.ferrymq.engine.local;

import io.ferrymq.engine.Capability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LocalEngine offers every capability the SPI declares, so adapters never fall back against it. */
class CapabilitiesTest extends EngineFixture {
    @Test
    void offersEveryCapabilityBeyondSqs() {
        assertThat(engine.capabilities()).containsExactlyInAnyOrder(Capability.values());
    }
}
