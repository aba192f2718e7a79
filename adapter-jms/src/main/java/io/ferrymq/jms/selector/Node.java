package io.ferrymq.jms.selector;

import java.util.List;

/**
 * A parsed selector. One tree serves both the evaluator ({@link ExpressionCompiler}) and the filter-policy translator
 * ({@link SelectorPushDown}), so the two cannot read a selector differently.
 */
sealed interface Node {

    /** A string, Long, Double or Boolean constant; {@code null} is the NULL literal. */
    record Literal(Object value) implements Node {
    }

    /** A property or one of the selector-usable header fields. */
    record Identifier(String name) implements Node {
    }

    /** {@code + - * /} on two numeric values. */
    record Arithmetic(char op, Node left, Node right) implements Node {
    }

    /** Unary minus on a non-literal (minus on a literal is folded into the literal). */
    record Negate(Node operand) implements Node {
    }

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator with its operands swapped: {@code 5 < x} is {@code x > 5}. */
        Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    record Compare(Op op, Node left, Node right) implements Node {
    }

    /** {@code value [NOT] BETWEEN low AND high}; NOT BETWEEN is {@code value < low OR value > high}. */
    record Between(Node value, Node low, Node high, boolean negated) implements Node {
    }

    /** {@code value [NOT] LIKE pattern [ESCAPE escape]}; escape is null when absent. */
    record Like(Node value, String pattern, Character escape, boolean negated) implements Node {
    }

    record In(Identifier identifier, List<String> values, boolean negated) implements Node {
        public In {
            values = List.copyOf(values);
        }
    }

    record IsNull(Node value, boolean negated) implements Node {
    }

    record Not(Node operand) implements Node {
    }

    record And(List<Node> operands) implements Node {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Node> operands) implements Node {
        public Or {
            operands = List.copyOf(operands);
        }
    }
}
