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
        for (Map<String, Leaf> c : o.conjunctions) {
            add(out, c);
        }
        return new Dnf(out, exact && o.exact);
    }

    /**
     * Adds an alternative, folding it into one that differs only in one attribute's condition:
     * (A and B1) or (A and B2) is A and (B1 or B2). Keeps a = 'x' OR a = 'y' one value list, not two alternatives.
     */
    private static void add(List<Map<String, Leaf>> alternatives, Map<String, Leaf> c) {
        for (int i = 0; i < alternatives.size(); i++) {
            Map<String, Leaf> a = alternatives.get(i);
            if (!a.keySet().equals(c.keySet())) {
                continue;
            }
            String differing = null;
            int differences = 0;
            for (String k : a.keySet()) {
                if (!a.get(k).equals(c.get(k))) {
                    differing = k;
                    differences++;
                }
            }
            if (differences == 0) {
                return;
            }
            if (differences == 1) {
                Map<String, Leaf> merged = new LinkedHashMap<>(a);
                Leaf either = a.get(differing).or(c.get(differing));
                if (either == null) {
                    merged.remove(differing); // present or absent: no condition left on it
                } else {
                    merged.put(differing, either);
                }
                alternatives.set(i, merged);
                return;
            }
        }
        alternatives.add(c);
    }

    /** The same acceptance, marked inexact. */
    Dnf inexact() {
        return new Dnf(conjunctions, false);
    }
}
