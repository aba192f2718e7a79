package io.ferrymq.compat.matrix;

/** One cell of the compatibility matrix: how a target behaved in one scenario, compared with a JMS broker. */
public enum Cell {
    /** Behaves as a JMS broker (the spec, and Artemis) does. */
    SAME,
    /** Behaves differently, as the target documents; the cell says how. */
    DIFFERS,
    /** The target cannot do this at all; the cell says why. */
    UNSUPPORTED
}
