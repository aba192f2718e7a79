package io.ferrymq.jms.selector;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The condition a filter policy puts on one attribute: it holds when the attribute's value matches one of the
 * patterns. The kind remembers enough to intersect two conditions on the same attribute without losing exactness:
 * present, absent, a set of exact values, one numeric range; anything else is OTHER.
 */
final class Leaf {
    enum Kind { PRESENT, ABSENT, VALUES, RANGE, OTHER }

    private static final JsonNode EXISTS_TRUE = Patterns.exists(true);
    private static final JsonNode EXISTS_FALSE = Patterns.exists(false);

    final Kind kind;
    final List<JsonNode> patterns;
    private final Set<JsonNode> values;
    private final NumericRange range;

    private Leaf(Kind kind, List<JsonNode> patterns, Set<JsonNode> values, NumericRange range) {
        this.kind = kind;
        this.patterns = List.copyOf(patterns);
        this.values = values;
        this.range = range;
    }

    static Leaf present() {
        return new Leaf(Kind.PRESENT, List.of(EXISTS_TRUE), null, null);
    }

    static Leaf absent() {
        return new Leaf(Kind.ABSENT, List.of(EXISTS_FALSE), null, null);
    }

    /** Exactly these values (strings, numbers from {@link Patterns#number}, true, false, null); not empty. */
    static Leaf values(List<JsonNode> values) {
        Set<JsonNode> set = new LinkedHashSet<>(values);
        return new Leaf(Kind.VALUES, new ArrayList<>(set), set, null);
    }

    /** A non-empty range with representable bounds. */
    static Leaf range(NumericRange r) {
        return new Leaf(Kind.RANGE, r.patterns(), null, r);
    }

    static Leaf of(List<JsonNode> patterns) {
        return new Leaf(Kind.OTHER, new ArrayList<>(new LinkedHashSet<>(patterns)), null, null);
    }

    /** Both conditions; {@code leaf} null when they contradict. */
    record Merged(Leaf leaf, boolean exact) {
    }

    Merged and(Leaf o) {
        if (patterns.equals(o.patterns)) {
            return new Merged(this, true);
        }
        if (kind == Kind.PRESENT || o.kind == Kind.PRESENT) {
            Leaf other = kind == Kind.PRESENT ? o : this;
            return new Merged(other.kind == Kind.ABSENT ? null : other, true); // every other pattern needs a value
        }
        if (kind == Kind.ABSENT || o.kind == Kind.ABSENT) {
            Leaf other = kind == Kind.ABSENT ? o : this;
            return new Merged(other.patterns.contains(EXISTS_FALSE) ? absent() : null, true);
        }
        if (kind == Kind.VALUES && o.kind == Kind.VALUES) {
            Set<JsonNode> both = new LinkedHashSet<>(values);
            both.retainAll(o.values);
            return new Merged(both.isEmpty() ? null : values(new ArrayList<>(both)), true);
        }
        if (kind == Kind.RANGE && o.kind == Kind.RANGE) {
            NumericRange both = range.intersect(o.range);
            return new Merged(both.isEmpty() ? null : range(both), true);
        }
        if (kind == Kind.VALUES && o.kind == Kind.RANGE || kind == Kind.RANGE && o.kind == Kind.VALUES) {
            Leaf v = kind == Kind.VALUES ? this : o;
            NumericRange r = kind == Kind.RANGE ? range : o.range;
            List<JsonNode> inRange = new ArrayList<>();
            for (JsonNode n : v.values) {
                if (n.isNumber() && r.contains(new BigDecimal(n.asText()))) {
                    inRange.add(n);
                }
            }
            return new Merged(inRange.isEmpty() ? null : values(inRange), true);
        }
        return new Merged(this, false); // SNS cannot say both about one key: keep one, a weaker condition
    }

    /** Either condition; null when that holds for every message (present or absent). */
    Leaf or(Leaf o) {
        if (kind == Kind.VALUES && o.kind == Kind.VALUES) {
            List<JsonNode> all = new ArrayList<>(values);
            all.addAll(o.values);
            return values(all);
        }
        List<JsonNode> all = new ArrayList<>(patterns);
        all.addAll(o.patterns);
        if (all.contains(EXISTS_TRUE)) {
            return all.contains(EXISTS_FALSE) ? null : present();
        }
        return of(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Leaf l && patterns.equals(l.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
