package io.ferrymq.jms.selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a filter policy accepts, as an OR of conjunctions, each an AND of one {@link Leaf} per attribute; and whether
 * that is exactly what the selector (or its part) accepts. No conjunction accepts nothing; one empty conjunction
 * accepts everything.
 */
record Dnf(List<Map<String, Leaf>> conjunctions, boolean exact) {
    /** Beyond this many conjunctions an AND keeps one side (a weaker policy) instead of multiplying out. */
    private static final int MAX_CONJUNCTIONS = 64;

    Dnf {
        conjunctions = List.copyOf(new LinkedHashSet<>(conjunctions));
    }

    static Dnf all(boolean exact) {
        return new Dnf(List.of(Map.of()), exact);
    }

    static Dnf none(boolean exact) {
        return new Dnf(List.of(), exact);
    }

    static Dnf of(String key, Leaf leaf, boolean exact) {
        return new Dnf(List.of(Map.of(key, leaf)), exact);
    }

    boolean acceptsAll() {
        return conjunctions.stream().anyMatch(Map::isEmpty);
    }

    boolean acceptsNone() {
        return conjunctions.isEmpty();
    }

    Dnf and(Dnf o) {
        if (acceptsAll()) {
            return new Dnf(o.conjunctions, exact && o.exact);
        }
        if (o.acceptsAll()) {
            return new Dnf(conjunctions, exact && o.exact);
        }
        if ((long) conjunctions.size() * o.conjunctions.size() > MAX_CONJUNCTIONS) {
            Dnf smaller = conjunctions.size() <= o.conjunctions.size() ? this : o;
            return new Dnf(smaller.conjunctions, false);
        }
        boolean allExact = exact && o.exact;
        List<Map<String, Leaf>> out = new ArrayList<>();
        for (Map<String, Leaf> a : conjunctions) {
            next:
            for (Map<String, Leaf> b : o.conjunctions) {
                Map<String, Leaf> both = new LinkedHashMap<>(a);
                for (Map.Entry<String, Leaf> e : b.entrySet()) {
                    Leaf mine = both.get(e.getKey());
                    if (mine == null) {
                        both.put(e.getKey(), e.getValue());
                        continue;
                    }
                    Leaf.Merged m = mine.and(e.getValue());
                    allExact &= m.exact();
                    if (m.leaf() == null) {
                        continue next; // contradiction: this pair accepts nothing
                    }
                    both.put(e.getKey(), m.leaf());
                }
                out.add(both);
            }
        }
        return new Dnf(out, allExact);
    }

    Dnf or(Dnf o) {
        if (acceptsAll() || o.acceptsAll()) {
            return all(exact && o.exact);
        }
        List<Map<String, Leaf>> out = new ArrayList<>(conjunctions);
        out.addAll(o.conjunctions);
        return new Dnf(out, exact && o.exact);
    }

    /** The same acceptance, marked inexact. */
    Dnf inexact() {
        return new Dnf(conjunctions, false);
    }
}
