package io.ferrymq.jms.selector;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.jms.selector.Node.Op;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One comparison of a selector as a condition on one attribute. {@code positive} asks for the messages where the
 * comparison is TRUE, otherwise for those where it is FALSE (under a NOT); a message where it is unknown is in
 * neither. The value types it reasons about are FilterAttributes' encodings: strings, numbers, JSON booleans, null
 * for NaN; values of another type than the constant make = and ordering FALSE (section 3.8.1.2).
 */
final class AtomTranslator {
    private static final JsonNode NAN = Patterns.NAN;

    private AtomTranslator() {
    }

    static Dnf translate(Node atom, boolean positive) {
        if (!hasIdentifier(atom)) {
            return constant(atom, positive);
        }
        if (atom instanceof Node.Identifier id) {
            return carried(id) ? exact(id, Leaf.values(List.of(positive ? Patterns.TRUE : Patterns.FALSE)))
                    : Dnf.all(false);
        }
        if (atom instanceof Node.Compare c) {
            return compare(c, positive);
        }
        if (atom instanceof Node.Between b) {
            return between(b, positive);
        }
        if (atom instanceof Node.Like l) {
            return like(l, positive != l.negated()); // NOT LIKE is NOT (LIKE)
        }
        if (atom instanceof Node.In in) {
            return in(in, positive != in.negated());
        }
        if (atom instanceof Node.IsNull n) {
            if (n.value() instanceof Node.Identifier id && carried(id)) {
                return exact(id, positive != n.negated() ? Leaf.absent() : Leaf.present());
            }
            return Dnf.all(false); // (a + b) IS NULL may hold with a present
        }
        return fallback(atom);
    }

    // ---- comparisons ----

    private static Dnf compare(Node.Compare c, boolean positive) {
        Node.Identifier x;
        Op op;
        Node other;
        if (c.left() instanceof Node.Identifier id && !hasIdentifier(c.right())) {
            x = id;
            op = c.op();
            other = c.right();
        } else if (c.right() instanceof Node.Identifier id && !hasIdentifier(c.left())) {
            x = id;
            op = c.op().flipped();
            other = c.left();
        } else {
            return fallback(c);
        }
        if (!carried(x)) {
            return Dnf.all(false);
        }
        Object k = valueOf(other);
        if (k == null) {
            return Dnf.none(true); // compared with an unknown constant (e.g. 1 / 0): never TRUE or FALSE
        }
        if (k instanceof String s) {
            return compareString(x, op, s, positive);
        }
        if (k instanceof Boolean b) {
            return compareBoolean(x, op, b, positive);
        }
        if (k instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return fallback(c);
        }
        return compareNumber(x, op, decimal((Number) k), positive);
    }

    private static Dnf compareString(Node.Identifier x, Op op, String s, boolean positive) {
        JsonNode v = Patterns.string(s);
        if (op == Op.EQ) {
            return positive ? exact(x, Leaf.values(List.of(v))) : exact(x, Leaf.of(List.of(Patterns.anythingBut(
                    List.of(v)))));
        }
        // <>: TRUE for other strings only, but SNS cannot say "a string other than s"; FALSE for s and non-strings
        return positive ? inexact(x, Leaf.of(List.of(Patterns.anythingBut(List.of(v)))))
                : exact(x, Leaf.of(union(List.of(v), nonStrings())));
    }

    private static Dnf compareBoolean(Node.Identifier x, Op op, boolean b, boolean positive) {
        boolean trueFor = op == Op.EQ ? b : !b; // the one boolean value that makes the comparison TRUE
        if (positive) {
            return exact(x, Leaf.values(List.of(bool(trueFor))));
        }
        return exact(x, Leaf.of(union(List.of(bool(!trueFor)), nonBooleans()))); // FALSE: the other, or no boolean
    }

    private static Dnf compareNumber(Node.Identifier x, Op op, BigDecimal k, boolean positive) {
        boolean exact = Patterns.representable(k);
        switch (op) {
            case EQ -> {
                if (positive) {
                    return exact ? exact(x, Leaf.values(List.of(Patterns.number(k))))
                            : range(x, new NumericRange(k, false, k, false), false);
                }
                return exact ? exact(x, Leaf.of(List.of(Patterns.anythingBut(List.of(Patterns.number(k))))))
                        : inexact(x, Leaf.present());
            }
            case NE -> {
                if (positive) { // every other number, and NaN
                    List<JsonNode> p = exact
                            ? List.of(Patterns.numeric("<", k), Patterns.numeric(">", k), NAN)
                            : union(Patterns.ANY_NUMBER, List.of(NAN));
                    return dnf(x, Leaf.of(p), exact);
                }
                NumericRange.Widened point = new NumericRange(k, false, k, false).widened();
                return dnf(x, Leaf.of(union(point.range().patterns(), nonNumbers())), point.exact());
            }
            default -> {
                if (positive) {
                    return range(x, NumericRange.of(op, k), true);
                }
                NumericRange.Widened rest = NumericRange.of(complement(op), k).widened();
                return dnf(x, Leaf.of(union(rest.range().patterns(), List.of(NAN), nonNumbers())), rest.exact());
            }
        }
    }

    private static Op complement(Op op) {
        return switch (op) {
            case LT -> Op.GE;
            case LE -> Op.GT;
            case GT -> Op.LE;
            case GE -> Op.LT;
            default -> throw new IllegalArgumentException(op.symbol);
        };
    }

    /** BETWEEN is TRUE inside [low, high]; NOT BETWEEN is {@code x < low OR x > high}. */
    private static Dnf between(Node.Between b, boolean positive) {
        if (!(b.value() instanceof Node.Identifier x) || hasIdentifier(b.low()) || hasIdentifier(b.high())) {
            return fallback(b);
        }
        if (!carried(x)) {
            return Dnf.all(false);
        }
        Object lo = valueOf(b.low());
        Object hi = valueOf(b.high());
        if (lo == null || hi == null) {
            return Dnf.none(true);
        }
        if (!finite(lo) || !finite(hi)) {
            return fallback(b);
        }
        BigDecimal low = decimal((Number) lo);
        BigDecimal high = decimal((Number) hi);
        NumericRange inside = new NumericRange(low, false, high, false);
        NumericRange.Widened below = new NumericRange(null, false, low, true).widened();
        NumericRange.Widened above = new NumericRange(high, true, null, false).widened();
        if (b.negated() == positive) { // the numbers outside (NOT BETWEEN TRUE, or BETWEEN FALSE)
            List<JsonNode> p = union(below.range().patterns(), above.range().patterns());
            if (!positive) {
                p = union(p, List.of(NAN), nonNumbers()); // BETWEEN is also FALSE for NaN and non-numbers
                if (inside.isEmpty()) {
                    return exact(x, Leaf.present());
                }
            }
            return dnf(x, Leaf.of(p), below.exact() && above.exact());
        }
        // the numbers inside (BETWEEN TRUE, or NOT BETWEEN FALSE, which NaN and non-numbers also make FALSE)
        if (positive) {
            return inside.isEmpty() ? Dnf.none(true) : range(x, inside, true);
        }
        NumericRange.Widened in = inside.widened();
        return dnf(x, Leaf.of(union(in.range().patterns(), List.of(NAN), nonNumbers())), in.exact());
    }

    private static Dnf range(Node.Identifier x, NumericRange r, boolean exactIfRepresentable) {
        NumericRange.Widened w = r.widened();
        if (w.range().isEmpty()) {
            return Dnf.none(true);
        }
        return dnf(x, Leaf.range(w.range()), w.exact() && exactIfRepresentable);
    }

    // ---- strings ----

    private static Dnf in(Node.In in, boolean positive) {
        Node.Identifier x = in.identifier();
        if (!carried(x)) {
            return Dnf.all(false);
        }
        List<JsonNode> values = in.values().stream().map(Patterns::string).toList();
        // IN is unknown for a non-string, so FALSE only for other strings, which SNS cannot single out
        return positive ? exact(x, Leaf.values(values))
                : inexact(x, Leaf.of(List.of(Patterns.anythingBut(new ArrayList<>(new LinkedHashSet<>(values))))));
    }

    private static Dnf like(Node.Like l, boolean positive) {
        if (!(l.value() instanceof Node.Identifier x)) {
            return fallback(l);
        }
        if (!carried(x)) {
            return Dnf.all(false);
        }
        LikePattern p = LikePattern.of(l.pattern(), l.escape());
        if (p.shape() == LikePattern.Shape.LITERAL) {
            return positive ? exact(x, Leaf.values(List.of(Patterns.string(p.prefix()))))
                    : inexact(x, Leaf.of(List.of(Patterns.anythingBut(List.of(Patterns.string(p.prefix()))))));
        }
        if (p.shape() == LikePattern.Shape.PREFIX) { // 'abc%'
            if (positive) {
                return exact(x, Leaf.of(List.of(Patterns.prefix(p.prefix()))));
            }
            return p.prefix().isEmpty() ? Dnf.none(true) // '%' is FALSE for no string
                    : inexact(x, Leaf.of(List.of(Patterns.anythingButPrefix(p.prefix()))));
        }
        if (!positive) {
            return inexact(x, Leaf.present());
        }
        if (p.shape() == LikePattern.Shape.SUFFIX) { // '%abc'
            return exact(x, Leaf.of(List.of(Patterns.suffix(p.suffix()))));
        }
        JsonNode weaker = p.prefix().length() >= p.suffix().length() ? Patterns.prefix(p.prefix())
                : Patterns.suffix(p.suffix());
        return inexact(x, Leaf.of(List.of(weaker)));
    }

    // ---- what is left ----

    /** A comparison SNS cannot express (two identifiers, arithmetic): it needs its identifiers present. */
    private static Dnf fallback(Node atom) {
        Set<String> names = new LinkedHashSet<>();
        required(atom, names);
        Dnf d = Dnf.all(false);
        for (String name : names) {
            if (FilterAttributes.carries(name)) {
                d = d.and(Dnf.of(name, Leaf.present(), false));
            }
        }
        return d;
    }

    /** Identifiers that must be non-NULL for the comparison to be TRUE or FALSE (not merely unknown). */
    private static void required(Node n, Set<String> names) {
        if (n instanceof Node.Identifier id) {
            names.add(id.name());
        } else if (n instanceof Node.Arithmetic a) {
            required(a.left(), names);
            required(a.right(), names);
        } else if (n instanceof Node.Negate neg) {
            required(neg.operand(), names);
        } else if (n instanceof Node.Compare c) {
            required(c.left(), names);
            required(c.right(), names);
        } else if (n instanceof Node.Between b) {
            required(b.value(), names);
            required(b.low(), names);
            required(b.high(), names);
        } else if (n instanceof Node.Like l) {
            required(l.value(), names);
        }
    }

    private static Dnf constant(Node atom, boolean positive) {
        Object v = valueOf(atom);
        return v == (positive ? Boolean.TRUE : Boolean.FALSE) ? Dnf.all(true) : Dnf.none(true);
    }

    // ---- helpers ----

    static boolean hasIdentifier(Node n) {
        if (n instanceof Node.Identifier) {
            return true;
        }
        if (n instanceof Node.Literal) {
            return false;
        }
        if (n instanceof Node.Arithmetic a) {
            return hasIdentifier(a.left()) || hasIdentifier(a.right());
        }
        if (n instanceof Node.Negate neg) {
            return hasIdentifier(neg.operand());
        }
        if (n instanceof Node.Compare c) {
            return hasIdentifier(c.left()) || hasIdentifier(c.right());
        }
        if (n instanceof Node.Between b) {
            return hasIdentifier(b.value()) || hasIdentifier(b.low()) || hasIdentifier(b.high());
        }
        if (n instanceof Node.Like l) {
            return hasIdentifier(l.value());
        }
        if (n instanceof Node.In) {
            return true;
        }
        if (n instanceof Node.IsNull i) {
            return hasIdentifier(i.value());
        }
        if (n instanceof Node.Not not) {
            return hasIdentifier(not.operand());
        }
        List<Node> operands = n instanceof Node.And and ? and.operands() : ((Node.Or) n).operands();
        return operands.stream().anyMatch(AtomTranslator::hasIdentifier);
    }

    /** The value of a node without identifiers, by the evaluator itself. */
    private static Object valueOf(Node n) {
        try {
            return ExpressionCompiler.value(n).evaluate(new IdentifierValues(name -> null));
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean finite(Object v) {
        return v instanceof Long || v instanceof Double d && !d.isNaN() && !d.isInfinite();
    }

    private static BigDecimal decimal(Number n) {
        return StrictExpressions.isIntegral(n) ? BigDecimal.valueOf(n.longValue())
                : BigDecimal.valueOf(n.doubleValue()); // the shortest decimal of the double, as SNS reads it back
    }

    private static boolean carried(Node.Identifier id) {
        return FilterAttributes.carries(id.name());
    }

    private static JsonNode bool(boolean b) {
        return b ? Patterns.TRUE : Patterns.FALSE;
    }

    private static List<JsonNode> nonStrings() {
        return union(List.of(Patterns.TRUE, Patterns.FALSE, NAN), Patterns.ANY_NUMBER);
    }

    /** Non-numbers other than NaN: strings and booleans. */
    private static List<JsonNode> nonNumbers() {
        return List.of(Patterns.ANY_STRING, Patterns.TRUE, Patterns.FALSE);
    }

    private static List<JsonNode> nonBooleans() {
        return union(List.of(Patterns.ANY_STRING, NAN), Patterns.ANY_NUMBER);
    }

    @SafeVarargs
    private static List<JsonNode> union(List<JsonNode>... lists) {
        Set<JsonNode> all = new LinkedHashSet<>();
        for (List<JsonNode> l : lists) {
            all.addAll(l);
        }
        return new ArrayList<>(all);
    }

    private static Dnf dnf(Node.Identifier x, Leaf leaf, boolean exact) {
        return Dnf.of(x.name(), leaf, exact);
    }

    private static Dnf exact(Node.Identifier x, Leaf leaf) {
        return Dnf.of(x.name(), leaf, true);
    }

    private static Dnf inexact(Node.Identifier x, Leaf leaf) {
        return Dnf.of(x.name(), leaf, false);
    }
}
