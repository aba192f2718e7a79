package io.ferrymq.compat.target;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every target the scenarios run against, made once per test JVM and closed when it exits. Adding a target is
 * adding a line here. {@code -Dcompat.targets=ferry-memory,artemis-invm} narrows a run
 * (the ids: ferry-memory, ferry-durable, artemis-invm, artemis-amqp).
 */
public final class Targets {
    private static List<Target> all;

    private Targets() {
    }

    /** The argument source of every scenario: {@code @MethodSource("io.ferrymq.compat.target.Targets#all")}. */
    public static synchronized List<Target> all() {
        if (all == null) {
            all = new ArrayList<>();
            add("ferry-memory", FerryMemoryTarget::new);
            add("ferry-durable", FerryDurableTarget::new);
            add("artemis-invm", ArtemisInVmTarget::new);
            add("artemis-amqp", ArtemisAmqpTarget::new);
            Runtime.getRuntime().addShutdownHook(new Thread(Targets::closeAll, "compat-targets-close"));
        }
        return all;
    }

    private static void add(String id, Supplier<Target> create) {
        String only = System.getProperty("compat.targets", "");
        if (only.isBlank() || List.of(only.split(",")).contains(id)) {
            all.add(create.get());
        }
    }

    private static synchronized void closeAll() {
        for (Target t : all) {
            try {
                t.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }
}
