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
            return carried(id) ? split(id, null, Leaf.values(List.of(bool(positive))), true) : Dnf.all(false);
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
                return positive != n.negated() ? absent(id) : split(id, Leaf.present(), Leaf.present(), true);
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
            return positive ? split(x, null, Leaf.values(List.of(v)), true)
                    : split(x, Leaf.present(), Leaf.of(List.of(Patterns.anythingBut(List.of(v)))), true);
        }
        // <>: TRUE for other strings only, but SNS cannot say "a string other than s"; FALSE for s and non-strings
        return positive ? split(x, null, Leaf.of(List.of(Patterns.anythingBut(List.of(v)))), false)
                : split(x, Leaf.present(), Leaf.of(List.of(v, Patterns.TRUE, Patterns.FALSE, NAN)), true);
    }

    private static Dnf compareBoolean(Node.Identifier x, Op op, boolean b, boolean positive) {
        boolean trueFor = op == Op.EQ ? b : !b; // the one boolean value that makes the comparison TRUE
        if (positive) {
            return split(x, null, Leaf.values(List.of(bool(trueFor))), true);
        }
        // FALSE: the other boolean, or any non-boolean value
        return split(x, Leaf.present(), Leaf.of(List.of(bool(!trueFor), Patterns.ANY_STRING, NAN)), true);
    }

    private static Dnf compareNumber(Node.Identifier x, Op op, BigDecimal k, boolean positive) {
        boolean exact = Patterns.representable(k);
        switch (op) {
            case EQ -> {
                if (positive) {
                    return exact ? split(x, Leaf.values(List.of(Patterns.number(k))), null, true)
                            : numbers(x, new NumericRange(k, false, k, false), null, false);
                }
                return exact ? split(x, Leaf.of(List.of(Patterns.numeric("<", k), Patterns.numeric(">", k))),
                        Leaf.present(), true) : split(x, Leaf.present(), Leaf.present(), false);
            }
            case NE -> {
                if (positive) { // every other number, and NaN
                    Leaf others = exact ? Leaf.of(List.of(Patterns.numeric("<", k), Patterns.numeric(">", k)))
                            : Leaf.present();
                    return split(x, others, Leaf.values(List.of(NAN)), exact);
                }
                return numbers(x, new NumericRange(k, false, k, false), nonNumbers(), true);
            }
            default -> {
                if (positive) {
                    return numbers(x, NumericRange.of(op, k), null, true);
                }
                return numbers(x, NumericRange.of(complement(op), k), Leaf.present(), true); // and NaN, non-numbers
            }
        }
    }

    /** The numbers of a range (widened for SNS), or the {@code others} on the plain key. */
    private static Dnf numbers(Node.Identifier x, NumericRange r, Leaf others, boolean exactIfRepresentable) {
        NumericRange.Widened w = r.widened();
        Leaf numbers = w.range().isEmpty() ? null : Leaf.range(w.range());
        return split(x, numbers, others, w.exact() && exactIfRepresentable);
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
        // NaN and non-numbers make both BETWEEN and NOT BETWEEN FALSE
        Leaf nonNumbers = positive ? null : Leaf.present();
        if (b.negated() == positive) { // the numbers outside: NOT BETWEEN TRUE, or BETWEEN FALSE
            NumericRange.Widened below = new NumericRange(null, false, low, true).widened();
            NumericRange.Widened above = new NumericRange(high, true, null, false).widened();
            List<JsonNode> p = new ArrayList<>(below.range().patterns());
            p.addAll(above.range().patterns());
            return split(x, Leaf.of(p), nonNumbers, below.exact() && above.exact());
        }
        return inside.isEmpty() ? split(x, null, nonNumbers, true) : numbers(x, inside, nonNumbers, true);
    }

    // ---- strings ----

    private static Dnf in(Node.In in, boolean positive) {
        Node.Identifier x = in.identifier();
        if (!carried(x)) {
            return Dnf.all(false);
        }
        List<JsonNode> values = in.values().stream().map(Patterns::string).toList();
        // IN is unknown for a non-string, so FALSE only for other strings, which SNS cannot single out
        return positive ? split(x, null, Leaf.values(values), true)
                : split(x, null, Leaf.of(List.of(Patterns.anythingBut(new ArrayList<>(new LinkedHashSet<>(values))))),
                        false);
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
            JsonNode v = Patterns.string(p.prefix());
            return positive ? strings(x, Leaf.values(List.of(v)), true)
                    : strings(x, Leaf.of(List.of(Patterns.anythingBut(List.of(v)))), false);
        }
        if (p.shape() == LikePattern.Shape.PREFIX) { // 'abc%'
            if (positive) {
                return strings(x, Leaf.of(List.of(Patterns.prefix(p.prefix()))), true);
            }
            return p.prefix().isEmpty() ? Dnf.none(true) // '%' is FALSE for no string
                    : strings(x, Leaf.of(List.of(Patterns.anythingButPrefix(p.prefix()))), false);
        }
        if (!positive) {
            return strings(x, Leaf.present(), false);
        }
        if (p.shape() == LikePattern.Shape.SUFFIX) { // '%abc'
            return strings(x, Leaf.of(List.of(Patterns.suffix(p.suffix()))), true);
        }
        JsonNode weaker = p.prefix().length() >= p.suffix().length() ? Patterns.prefix(p.prefix())
                : Patterns.suffix(p.suffix());
        return strings(x, Leaf.of(List.of(weaker)), false);
    }

    /** A condition on string values only (LIKE), which travel under the identifier's own name. */
    private static Dnf strings(Node.Identifier x, Leaf leaf, boolean exact) {
        return split(x, null, leaf, exact);
    }

    // ---- what is left ----

    /** A comparison SNS cannot express (two identifiers, arithmetic): it needs its identifiers present. */
    private static Dnf fallback(Node atom) {
        Set<String> names = new LinkedHashSet<>();
        required(atom, names);
        Dnf d = Dnf.all(false);
        for (String name : names) {
            if (FilterAttributes.carries(name)) {
                d = d.and(split(new Node.Identifier(name), Leaf.present(), Leaf.present(), false));
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

    /** Non-numbers other than NaN, on the plain key: strings and booleans. */
    private static Leaf nonNumbers() {
        return Leaf.of(List.of(Patterns.ANY_STRING, Patterns.TRUE, Patterns.FALSE));
    }

    /**
     * The values of x matching {@code numbers} (on its numeric key) or {@code others} (on its own name), either null
     * for none. A value of x is on exactly one of the two keys, so this is an OR of two conditions.
     */
    private static Dnf split(Node.Identifier x, Leaf numbers, Leaf others, boolean exact) {
        Dnf d = Dnf.none(true);
        if (numbers != null) {
            d = d.or(Dnf.of(FilterAttributes.numberKey(x.name()), numbers, true));
        }
        if (others != null) {
            d = d.or(Dnf.of(x.name(), others, true));
        }
        return exact ? d : d.inexact();
    }

    /** x is NULL: neither key is there. */
    private static Dnf absent(Node.Identifier x) {
        return Dnf.of(x.name(), Leaf.absent(), true).and(Dnf.of(FilterAttributes.numberKey(x.name()), Leaf.absent(),
                true));
    }
}
