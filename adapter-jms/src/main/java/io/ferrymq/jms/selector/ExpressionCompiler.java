package io.ferrymq.jms.selector;

import io.ferrymq.jms.selector.Node.Op;
import io.ferrymq.jms.selector.StrictExpressions.Arithmetic;
import io.ferrymq.jms.selector.StrictExpressions.BooleanProperty;
import io.ferrymq.jms.selector.StrictExpressions.Comparison;
import io.ferrymq.jms.selector.StrictExpressions.Constant;
import io.ferrymq.jms.selector.StrictExpressions.Property;
import io.ferrymq.jms.selector.StrictExpressions.StringOnly;
import org.apache.activemq.artemis.selector.filter.BooleanExpression;
import org.apache.activemq.artemis.selector.filter.ComparisonExpression;
import org.apache.activemq.artemis.selector.filter.ConstantExpression;
import org.apache.activemq.artemis.selector.filter.Expression;
import org.apache.activemq.artemis.selector.filter.LogicExpression;
import org.apache.activemq.artemis.selector.filter.UnaryExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Artemis expression tree that evaluates a parsed selector: Artemis's own nodes for AND, OR, NOT (three-
 * valued), LIKE, IN, IS NULL and unary minus, and {@link StrictExpressions} for comparisons and arithmetic.
 */
final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** A node in a position that needs a truth value: a condition, or an identifier read as a boolean. */
    static BooleanExpression condition(Node node) {
        if (node instanceof Node.Identifier id) {
            return new BooleanProperty(id.name());
        }
        if (node instanceof Node.Literal lit) {
            return new Constant((Boolean) lit.value());
        }
        if (node instanceof Node.Compare c) {
            return new Comparison(c.op(), value(c.left()), value(c.right()));
        }
        if (node instanceof Node.Between b) {
            Expression v = value(b.value());
            Expression low = value(b.low());
            Expression high = value(b.high());
            return b.negated()
                    ? LogicExpression.createOR(new Comparison(Op.LT, v, low), new Comparison(Op.GT, v, high))
                    : LogicExpression.createAND(new Comparison(Op.GE, v, low), new Comparison(Op.LE, v, high));
        }
        if (node instanceof Node.Like l) {
            BooleanExpression like = ComparisonExpression.createLike(new StringOnly(value(l.value())), l.pattern(),
                    l.escape() == null ? null : l.escape().toString());
            return l.negated() ? UnaryExpression.createNOT(like) : like;
        }
        if (node instanceof Node.In in) {
            List<Object> values = new ArrayList<>(in.values());
            Property p = new Property(in.identifier().name());
            return in.negated() ? ComparisonExpression.createNotInFilter(p, values)
                    : ComparisonExpression.createInFilter(p, values);
        }
        if (node instanceof Node.IsNull n) {
            Expression v = value(n.value());
            return n.negated() ? ComparisonExpression.createIsNotNull(v) : ComparisonExpression.createIsNull(v);
        }
        if (node instanceof Node.Not n) {
            return UnaryExpression.createNOT(condition(n.operand()));
        }
        if (node instanceof Node.And and) {
            return fold(and.operands(), true);
        }
        if (node instanceof Node.Or or) {
            return fold(or.operands(), false);
        }
        throw new IllegalArgumentException("not a condition: " + node);
    }

    /** A node in a position that needs a value. */
    static Expression value(Node node) {
        if (node instanceof Node.Identifier id) {
            return new Property(id.name());
        }
        if (node instanceof Node.Literal lit) {
            return lit.value() == null || lit.value() instanceof Boolean ? new Constant((Boolean) lit.value())
                    : new ConstantExpression(lit.value());
        }
        if (node instanceof Node.Arithmetic a) {
            return new Arithmetic(a.op(), value(a.left()), value(a.right()));
        }
        if (node instanceof Node.Negate n) {
            return UnaryExpression.createNegate(value(n.operand()));
        }
        return condition(node); // a condition compared with = or <>, e.g. (a > 1) = TRUE
    }

    private static BooleanExpression fold(List<Node> operands, boolean and) {
        BooleanExpression result = condition(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            BooleanExpression next = condition(operands.get(i));
            result = and ? LogicExpression.createAND(result, next) : LogicExpression.createOR(result, next);
        }
        return result;
    }
}
