package io.ferrymq.engine.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** An engine with a data directory on a hand-driven clock; {@link #restart()} stops it and starts another there. */
abstract class DurableEngineFixture extends EngineFixture {
    @TempDir
    Path dataDir;

    @BeforeEach
    void startDurableEngine() {
        engine.close();
        engine = open();
    }

    @AfterEach
    void stopDurableEngine() {
        engine.close();
    }

    protected LocalEngine open() {
        return LocalEngine.builder().timeSource(clock).dataDir(dataDir).build();
    }

    protected void restart() {
        engine.close();
        engine = open();
    }
}
