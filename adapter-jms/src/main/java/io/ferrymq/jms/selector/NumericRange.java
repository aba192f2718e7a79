package io.ferrymq.jms.selector;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** An interval of numbers; a null bound is unbounded. */
record NumericRange(BigDecimal low, boolean lowOpen, BigDecimal high, boolean highOpen) {
    static final NumericRange ALL = new NumericRange(null, false, null, false);

    /** The numbers x for which {@code x op c} holds (op one of =, <, <=, >, >=). */
    static NumericRange of(Node.Op op, BigDecimal c) {
        return switch (op) {
            case EQ -> new NumericRange(c, false, c, false);
            case LT -> new NumericRange(null, false, c, true);
            case LE -> new NumericRange(null, false, c, false);
            case GT -> new NumericRange(c, true, null, false);
            case GE -> new NumericRange(c, false, null, false);
            case NE -> throw new IllegalArgumentException("<> is two ranges");
        };
    }

    boolean isEmpty() {
        if (low == null || high == null) {
            return false;
        }
        int c = low.compareTo(high);
        return c > 0 || (c == 0 && (lowOpen || highOpen));
    }

    NumericRange intersect(NumericRange o) {
        BigDecimal lo = low;
        boolean loOpen = lowOpen;
        if (o.low != null && (lo == null || o.low.compareTo(lo) > 0 || (o.low.compareTo(lo) == 0 && o.lowOpen))) {
            lo = o.low;
            loOpen = o.lowOpen;
        }
        BigDecimal hi = high;
        boolean hiOpen = highOpen;
        if (o.high != null && (hi == null || o.high.compareTo(hi) < 0 || (o.high.compareTo(hi) == 0 && o.highOpen))) {
            hi = o.high;
            hiOpen = o.highOpen;
        }
        return new NumericRange(lo, loOpen, hi, hiOpen);
    }

    boolean contains(BigDecimal v) {
        return (low == null || (lowOpen ? v.compareTo(low) > 0 : v.compareTo(low) >= 0))
                && (high == null || (highOpen ? v.compareTo(high) < 0 : v.compareTo(high) <= 0));
    }

    /** This range with bounds SNS accepts, never narrower; and whether it is unchanged. */
    Widened widened() {
        BigDecimal lo = low;
        boolean loOpen = lowOpen;
        boolean exact = true;
        if (lo != null && !Patterns.representable(lo)) {
            exact = false;
            if (lo.compareTo(Patterns.LIMIT) > 0) {
                lo = Patterns.LIMIT; // x > 5e9 implies x > 1e9
                loOpen = true;
            } else if (lo.compareTo(Patterns.LIMIT.negate()) < 0) {
                lo = null;
            } else {
                lo = lo.setScale(Patterns.SCALE, RoundingMode.FLOOR);
                loOpen = false;
            }
        }
        BigDecimal hi = high;
        boolean hiOpen = highOpen;
        if (hi != null && !Patterns.representable(hi)) {
            exact = false;
            if (hi.compareTo(Patterns.LIMIT.negate()) < 0) {
                hi = Patterns.LIMIT.negate();
                hiOpen = true;
            } else if (hi.compareTo(Patterns.LIMIT) > 0) {
                hi = null;
            } else {
                hi = hi.setScale(Patterns.SCALE, RoundingMode.CEILING);
                hiOpen = false;
            }
        }
        return new Widened(new NumericRange(lo, loOpen, hi, hiOpen), exact);
    }

    record Widened(NumericRange range, boolean exact) {
    }

    /** The patterns of this range, whose bounds must be representable; none when empty. */
    List<JsonNode> patterns() {
        if (isEmpty()) {
            return List.of();
        }
        if (low == null && high == null) {
            return Patterns.ANY_NUMBER;
        }
        if (low == null) {
            return List.of(Patterns.numeric(highOpen ? "<" : "<=", high));
        }
        if (high == null) {
            return List.of(Patterns.numeric(lowOpen ? ">" : ">=", low));
        }
        if (low.compareTo(high) == 0) {
            return List.of(Patterns.number(low));
        }
        return List.of(Patterns.numeric(lowOpen ? ">" : ">=", low, highOpen ? "<" : "<=", high));
    }
}
