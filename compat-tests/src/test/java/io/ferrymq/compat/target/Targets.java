package io.ferrymq.compat.target;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Every target the scenarios run against, made once per test JVM and closed when it exits. Adding a target is
 * adding a line to {@link #declare}; the order there is the matrix's column order. {@code
 * -Dcompat.targets=ferry-memory,artemis-invm} narrows a run.
 */
public final class Targets {
    private static List<Target> all;

    private Targets() {
    }

    /** Every target, in matrix column order: its id and how to make it. */
    private static void declare(BiConsumer<String, Supplier<Target>> add) {
        add.accept("ferry-memory", FerryMemoryTarget::new);
        add.accept("ferry-durable", FerryDurableTarget::new);
        add.accept("artemis-invm", ArtemisInVmTarget::new);
        add.accept("artemis-amqp", ArtemisAmqpTarget::new);
    }

    /** The ids of every declared target, in column order, without making any (for the matrix generator). */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        declare((id, create) -> ids.add(id));
        return ids;
    }

    /** The argument source of every scenario: {@code @MethodSource("io.ferrymq.compat.target.Targets#all")}. */
    public static synchronized List<Target> all() {
        if (all == null) {
            all = new ArrayList<>();
            declare(Targets::add);
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
