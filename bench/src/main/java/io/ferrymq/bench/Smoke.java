package io.ferrymq.bench;

/**
 * The smoke run's switch for workloads: during {@code --smoke} (and the smoke test, which runs every workload
 * in-process for a fraction of a second) the system property {@value #PROPERTY} is {@code true}. A workload that
 * prepares data up front (a queue preloaded with messages, a long list of subscriptions) asks {@link #scale} for a
 * tiny size then, so the smoke run takes seconds; nothing else about a workload should depend on it.
 */
public final class Smoke {
    public static final String PROPERTY = "bench.smoke";

    private Smoke() {
    }

    public static boolean active() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** {@code full} normally, {@code tiny} in a smoke run. */
    public static int scale(int full, int tiny) {
        return active() ? tiny : full;
    }
}
