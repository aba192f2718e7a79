package io.ferrymq.camel;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.local.EmbeddedEngines;
import io.ferrymq.engine.time.TimeSource;

/**
 * Which engine an endpoint runs on, and the clock its timers (visibility extension) follow. An endpoint's own
 * {@code engine} or {@code embeddedName} wins over the component's; without either, the component's engine (bound
 * in the registry, autowired when it is the only one); without that, the JVM's embedded engine "default", shared
 * with every other adapter that names it.
 *
 * @param engine the engine
 * @param time   the clock: the embedded engine's own, the one given, or null when the caller must supply a wall clock
 */
public record EngineChoice(Engine engine, TimeSource time) {

    /**
     * @param endpointEngine        the endpoint's {@code engine} option, or null
     * @param endpointEmbeddedName  the endpoint's {@code embeddedName} option, or null
     * @param endpointTime          the endpoint's {@code timeSource} option, or null
     * @param componentEngine       the component's {@code engine} (perhaps autowired), or null
     * @param componentEmbeddedName the component's {@code embeddedName}, or null
     * @param componentTime         the component's {@code timeSource} (perhaps autowired), or null
     */
    public static EngineChoice resolve(Engine endpointEngine, String endpointEmbeddedName, TimeSource endpointTime,
                                       Engine componentEngine, String componentEmbeddedName,
                                       TimeSource componentTime) {
        // The component's clock (perhaps autowired) belongs with the component's engine; an endpoint's with its own.
        TimeSource given = endpointTime != null ? endpointTime : componentTime;
        if (endpointEngine != null) {
            return new EngineChoice(endpointEngine, given);
        }
        if (endpointEmbeddedName != null) {
            return embedded(endpointEmbeddedName, endpointTime);
        }
        if (componentEngine != null) {
            return new EngineChoice(componentEngine, given);
        }
        return embedded(componentEmbeddedName != null ? componentEmbeddedName : EmbeddedEngines.DEFAULT_NAME,
                endpointTime);
    }

    /** An embedded engine runs on its own clock: a timer on any other would not match its visibility deadlines. */
    private static EngineChoice embedded(String name, TimeSource given) {
        EmbeddedEngines.Running running = EmbeddedEngines.engine(name);
        if (given != null && given != running.time()) {
            throw new IllegalArgumentException("The option timeSource cannot be used with the embedded engine '"
                    + name + "', which runs on its own clock; bind an engine built on that time source instead");
        }
        return new EngineChoice(running.engine(), running.time());
    }

    /** Fails when an endpoint names both an engine and an embedded engine: it cannot run on two. */
    public static void checkOptions(Engine engine, String embeddedName) {
        if (engine != null && embeddedName != null) {
            throw new IllegalArgumentException("The options engine and embeddedName exclude each other: an endpoint "
                    + "runs on the engine given or on the embedded engine named, not both");
        }
        if (embeddedName != null && embeddedName.isBlank()) {
            throw new IllegalArgumentException("The option embeddedName must not be empty");
        }
    }
}
