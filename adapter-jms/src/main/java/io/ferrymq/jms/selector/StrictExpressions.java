package io.ferrymq.jms.selector;

import io.ferrymq.jms.selector.Node.Op;
import org.apache.activemq.artemis.selector.filter.ArithmeticExpression;
import org.apache.activemq.artemis.selector.filter.BinaryExpression;
import org.apache.activemq.artemis.selector.filter.BooleanExpression;
import org.apache.activemq.artemis.selector.filter.Expression;
import org.apache.activemq.artemis.selector.filter.FilterException;
import org.apache.activemq.artemis.selector.filter.Filterable;
import org.apache.activemq.artemis.selector.filter.PropertyExpression;

/**
 * The expression nodes where Artemis 2.55 departs from section 3.8.1, used in its place. Artemis answers
 * {@code 5 = x} with FALSE rather than unknown when x is NULL (so {@code 5 <> x} would select), orders strings and
 * NaN with compareTo, divides integers as doubles, and throws on arithmetic with a string. Each null here is the
 * spec's unknown. Every node is immutable, so one compiled selector serves any number of threads.
 */
final class StrictExpressions {
    private StrictExpressions() {
    }

    /** A property or header; reads the plain name, without going through SimpleString. */
    static final class Property extends PropertyExpression {
        private final String name;

        Property(String name) {
            super(name);
            this.name = name;
        }

        @Override
        public Object evaluate(Filterable message) {
            return message instanceof IdentifierValues v ? v.value(name)
                    : SelectorValues.normalize(message.getProperty(
                            org.apache.activemq.artemis.api.core.SimpleString.of(name)));
        }
    }

    /** An identifier used as a condition: its value when boolean, unknown otherwise. */
    static final class BooleanProperty implements BooleanExpression {
        private final Property property;

        BooleanProperty(String name) {
            this.property = new Property(name);
        }

        @Override
        public Object evaluate(Filterable message) {
            Object v = property.evaluate(message);
            return v instanceof Boolean ? v : null;
        }

        @Override
        public boolean matches(Filterable message) {
            return evaluate(message) == Boolean.TRUE;
        }

        @Override
        public String toString() {
            return property.toString();
        }
    }

    /** TRUE, FALSE or NULL (unknown) as a condition. */
    static final class Constant implements BooleanExpression {
        private final Boolean value;

        Constant(Boolean value) {
            this.value = value;
        }

        @Override
        public Object evaluate(Filterable message) {
            return value;
        }

        @Override
        public boolean matches(Filterable message) {
            return value == Boolean.TRUE;
        }

        @Override
        public String toString() {
            return value == null ? "NULL" : value.toString().toUpperCase();
        }
    }

    /** A value that counts only as a string (the operand of LIKE); anything else is unknown. */
    static final class StringOnly implements Expression {
        private final Expression value;

        StringOnly(Expression value) {
            this.value = value;
        }

        @Override
        public Object evaluate(Filterable message) throws FilterException {
            Object v = value.evaluate(message);
            return v instanceof String ? v : null;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * =, <>, <, <=, >, >=. NULL on either side is unknown. Numbers compare by Java's numeric promotion (two integers
     * exactly, otherwise as doubles, so NaN equals nothing). Strings and booleans compare only with = and <>. Values
     * of different types compare FALSE, for <> as well (section 3.8.1.2: "the value of the operation is false").
     */
    static final class Comparison extends BinaryExpression implements BooleanExpression {
        private final Op op;

        Comparison(Op op, Expression left, Expression right) {
            super(left, right);
            this.op = op;
        }

        @Override
        public Object evaluate(Filterable message) throws FilterException {
            Object l = left.evaluate(message);
            if (l == null) {
                return null;
            }
            Object r = right.evaluate(message);
            if (r == null) {
                return null;
            }
            if (l instanceof Number a && r instanceof Number b) {
                return compare(op, a, b);
            }
            if (op != Op.EQ && op != Op.NE || l.getClass() != r.getClass()) {
                return Boolean.FALSE;
            }
            return l.equals(r) == (op == Op.EQ);
        }

        @Override
        public boolean matches(Filterable message) throws FilterException {
            return evaluate(message) == Boolean.TRUE;
        }

        @Override
        public String getExpressionSymbol() {
            return op.symbol;
        }

        static boolean compare(Op op, Number a, Number b) {
            if (isIntegral(a) && isIntegral(b)) {
                int c = Long.compare(a.longValue(), b.longValue());
                return switch (op) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    case GE -> c >= 0;
                };
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            return switch (op) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
            };
        }
    }

    static boolean isIntegral(Number n) {
        return !(n instanceof Double || n instanceof Float);
    }

    /**
     * + - * / on numbers; a non-number operand makes the result unknown. Integers divide as Java integers, and an
     * integer division by zero is unknown rather than an exception.
     */
    static final class Arithmetic extends ArithmeticExpression {
        private final char op;

        Arithmetic(char op, Expression left, Expression right) {
            super(left, right);
            this.op = op;
        }

        @Override
        protected Object evaluate(Object l, Object r) {
            if (!(l instanceof Number a) || !(r instanceof Number b)) {
                return null;
            }
            return switch (op) {
                case '+' -> plus(a, b);
                case '-' -> minus(a, b);
                case '*' -> multiply(a, b);
                default -> divideJava(a, b);
            };
        }

        private static Number divideJava(Number a, Number b) {
            if (isIntegral(a) && isIntegral(b)) {
                return b.longValue() == 0 ? null : (Number) (a.longValue() / b.longValue());
            }
            return a.doubleValue() / b.doubleValue();
        }

        @Override
        public String getExpressionSymbol() {
            return String.valueOf(op);
        }
    }
}
