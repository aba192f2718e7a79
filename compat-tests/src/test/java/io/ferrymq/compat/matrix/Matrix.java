package io.ferrymq.compat.matrix;

import io.ferrymq.compat.target.Target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a scenario observed on a target, for the compatibility matrix. A scenario that passes without saying
 * anything is {@link Cell#SAME}; one that asserted a target's documented difference says {@link #differs}; one the
 * target cannot run says {@link #unsupported} (and still asserts how it refuses). {@link MatrixRecorder} writes the
 * cell when the test ends.
 */
public final class Matrix {
    record Observation(Cell cell, String detail) {
    }

    private static final Map<Thread, Observation> CURRENT = new ConcurrentHashMap<>();

    private Matrix() {
    }

    public static void differs(Target target, String how) {
        CURRENT.put(Thread.currentThread(), new Observation(Cell.DIFFERS, how));
    }

    public static void unsupported(Target target, String why) {
        CURRENT.put(Thread.currentThread(), new Observation(Cell.UNSUPPORTED, why));
    }

    static Observation take() {
        Observation o = CURRENT.remove(Thread.currentThread());
        return o == null ? new Observation(Cell.SAME, "") : o;
    }

    static void clear() {
        CURRENT.remove(Thread.currentThread());
    }
}
