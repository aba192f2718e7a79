package io.ferrymq.jms.selector;

import io.ferrymq.jms.selector.Node.Op;
import io.ferrymq.jms.selector.SelectorLexer.Kind;
import io.ferrymq.jms.selector.SelectorLexer.Token;
import jakarta.jms.InvalidSelectorException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The selector grammar of Jakarta Messaging 3.1 section 3.8.1, by recursive descent. Precedence, loosest first: OR,
 * AND, NOT, comparisons (=, <>, <, <=, >, >=, BETWEEN, LIKE, IN, IS NULL), + and -, * and /, unary sign. Unlike
 * Artemis's own grammar, NOT is looser than comparisons ({@code NOT a = 1} is {@code NOT (a = 1)}), and there are no
 * comments, XPATH or modulo. Type mistakes a literal makes plain are refused here, as Artemis refuses them.
 */
final class SelectorParser {
    private final String text;
    private final List<Token> tokens;
    private int next;

    private SelectorParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static Node parse(String text) throws InvalidSelectorException {
        try {
            SelectorParser p = new SelectorParser(text, SelectorLexer.tokens(text));
            Node root = p.or();
            p.expectEnd();
            p.requireBoolean(root, p.tokens.get(0));
            return root;
        } catch (SelectorSyntaxError e) {
            InvalidSelectorException ex = new InvalidSelectorException("Invalid message selector \"" + text + "\": "
                    + e.getMessage() + " at position " + (e.position + 1));
            ex.initCause(e);
            throw ex;
        }
    }

    private Node or() throws SelectorSyntaxError {
        Token first = peek();
        Node left = and();
        if (!peek().is(Kind.KEYWORD, "OR")) {
            return left; // maybe a parenthesized value, e.g. (2 + 3) * 4
        }
        List<Node> operands = new ArrayList<>();
        operands.add(requireBoolean(left, first));
        while (accept(Kind.KEYWORD, "OR")) {
            Token at = peek();
            operands.add(requireBoolean(and(), at));
        }
        return new Node.Or(operands);
    }

    private Node and() throws SelectorSyntaxError {
        Token first = peek();
        Node left = not();
        if (!peek().is(Kind.KEYWORD, "AND")) {
            return left;
        }
        List<Node> operands = new ArrayList<>();
        operands.add(requireBoolean(left, first));
        while (accept(Kind.KEYWORD, "AND")) {
            Token at = peek();
            operands.add(requireBoolean(not(), at));
        }
        return new Node.And(operands);
    }

    private Node not() throws SelectorSyntaxError {
        if (accept(Kind.KEYWORD, "NOT")) {
            Token at = peek();
            return new Node.Not(requireBoolean(not(), at));
        }
        return comparison();
    }

    private Node comparison() throws SelectorSyntaxError {
        Token at = peek();
        Node left = additive();
        Token t = peek();
        if (t.kind() == Kind.SYMBOL) {
            for (Op op : Op.values()) {
                if (t.value().equals(op.symbol)) {
                    next++;
                    Token rightAt = peek();
                    Node right = additive();
                    if (op == Op.EQ || op == Op.NE) {
                        requireNotNull(left, at);
                        requireNotNull(right, rightAt);
                    } else {
                        requireNumeric(left, at);
                        requireNumeric(right, rightAt);
                    }
                    return new Node.Compare(op, left, right);
                }
            }
            return left;
        }
        if (accept(Kind.KEYWORD, "IS")) {
            boolean negated = accept(Kind.KEYWORD, "NOT");
            expect(Kind.KEYWORD, "NULL");
            return new Node.IsNull(left, negated);
        }
        boolean negated = false;
        if (t.is(Kind.KEYWORD, "NOT")) {
            Token after = tokens.get(next + 1);
            if (after.is(Kind.KEYWORD, "BETWEEN") || after.is(Kind.KEYWORD, "LIKE") || after.is(Kind.KEYWORD, "IN")) {
                next++;
                negated = true;
            }
        }
        if (accept(Kind.KEYWORD, "BETWEEN")) {
            requireNumeric(left, at);
            Token lowAt = peek();
            Node low = requireNumeric(additive(), lowAt);
            expect(Kind.KEYWORD, "AND");
            Token highAt = peek();
            Node high = requireNumeric(additive(), highAt);
            return new Node.Between(left, low, high, negated);
        }
        if (accept(Kind.KEYWORD, "LIKE")) {
            requireText(left, at);
            String pattern = stringLiteral();
            Character escape = null;
            if (accept(Kind.KEYWORD, "ESCAPE")) {
                Token escapeAt = peek();
                String e = stringLiteral();
                if (e.length() != 1) {
                    throw new SelectorSyntaxError("ESCAPE must be a single character, not '" + e + "'",
                            escapeAt.position());
                }
                escape = e.charAt(0);
            }
            return new Node.Like(left, pattern, escape, negated);
        }
        if (accept(Kind.KEYWORD, "IN")) {
            if (!(left instanceof Node.Identifier id)) {
                throw new SelectorSyntaxError("IN needs an identifier on its left", at.position());
            }
            expect(Kind.SYMBOL, "(");
            List<String> values = new ArrayList<>();
            values.add(stringLiteral());
            while (accept(Kind.SYMBOL, ",")) {
                values.add(stringLiteral());
            }
            expect(Kind.SYMBOL, ")");
            return new Node.In(id, values, negated);
        }
        return left;
    }

    private Node additive() throws SelectorSyntaxError {
        Token at = peek();
        Node left = multiplicative();
        while (peek().is(Kind.SYMBOL, "+") || peek().is(Kind.SYMBOL, "-")) {
            char op = ((String) tokens.get(next++).value()).charAt(0);
            Token rightAt = peek();
            Node right = multiplicative();
            left = new Node.Arithmetic(op, requireNumeric(left, at), requireNumeric(right, rightAt));
        }
        return left;
    }

    private Node multiplicative() throws SelectorSyntaxError {
        Token at = peek();
        Node left = unary();
        while (peek().is(Kind.SYMBOL, "*") || peek().is(Kind.SYMBOL, "/")) {
            char op = ((String) tokens.get(next++).value()).charAt(0);
            Token rightAt = peek();
            Node right = unary();
            left = new Node.Arithmetic(op, requireNumeric(left, at), requireNumeric(right, rightAt));
        }
        return left;
    }

    private Node unary() throws SelectorSyntaxError {
        Token at = peek();
        if (accept(Kind.SYMBOL, "+")) {
            Node operand = requireNumeric(signed(), at);
            if (operand instanceof Node.Literal lit && lit.value() instanceof BigInteger) {
                throw new SelectorSyntaxError("number 9223372036854775808 is out of the range of a long",
                        at.position());
            }
            return operand;
        }
        if (accept(Kind.SYMBOL, "-")) {
            Node operand = requireNumeric(signed(), at);
            if (operand instanceof Node.Literal lit) { // fold, so -9223372036854775808 is a long
                Object v = lit.value();
                return new Node.Literal(v instanceof BigInteger ? Long.MIN_VALUE
                        : v instanceof Long l ? (Object) (-l) : (Object) (-(Double) v));
            }
            return new Node.Negate(operand);
        }
        return checkedPrimary();
    }

    /** The operand of a sign, which may be the literal one past Long.MAX_VALUE. */
    private Node signed() throws SelectorSyntaxError {
        if (peek().is(Kind.SYMBOL, "+") || peek().is(Kind.SYMBOL, "-")) {
            return unary();
        }
        return primary();
    }

    private Node checkedPrimary() throws SelectorSyntaxError {
        Token at = peek();
        Node n = primary();
        if (n instanceof Node.Literal lit && lit.value() instanceof BigInteger) {
            throw new SelectorSyntaxError("number 9223372036854775808 is out of the range of a long", at.position());
        }
        return n;
    }

    private Node primary() throws SelectorSyntaxError {
        Token t = tokens.get(next);
        switch (t.kind()) {
            case STRING, NUMBER -> {
                next++;
                return new Node.Literal(t.value());
            }
            case IDENTIFIER -> {
                next++;
                return new Node.Identifier((String) t.value());
            }
            case KEYWORD -> {
                switch ((String) t.value()) {
                    case "TRUE" -> {
                        next++;
                        return new Node.Literal(Boolean.TRUE);
                    }
                    case "FALSE" -> {
                        next++;
                        return new Node.Literal(Boolean.FALSE);
                    }
                    case "NULL" -> {
                        next++;
                        return new Node.Literal(null);
                    }
                    default -> throw new SelectorSyntaxError("unexpected " + t.value()
                            + " (a reserved word cannot be an identifier)", t.position());
                }
            }
            case SYMBOL -> {
                if (t.value().equals("(")) {
                    next++;
                    Node inner = or();
                    expect(Kind.SYMBOL, ")");
                    return inner;
                }
                throw new SelectorSyntaxError("unexpected '" + t.value() + "'", t.position());
            }
            default -> throw new SelectorSyntaxError("unexpected end of selector", t.position());
        }
    }

    private String stringLiteral() throws SelectorSyntaxError {
        Token t = peek();
        if (t.kind() != Kind.STRING) {
            throw new SelectorSyntaxError("expected a string literal, found " + describe(t), t.position());
        }
        next++;
        return (String) t.value();
    }

    // ---- type checks a literal makes plain ----

    static boolean isBoolean(Node n) {
        return n instanceof Node.Compare || n instanceof Node.Between || n instanceof Node.Like
                || n instanceof Node.In || n instanceof Node.IsNull || n instanceof Node.Not
                || n instanceof Node.And || n instanceof Node.Or
                || (n instanceof Node.Literal lit && lit.value() instanceof Boolean);
    }

    /** Operands of AND, OR, NOT and the selector itself: a condition, or an identifier read as a boolean. */
    private Node requireBoolean(Node n, Token at) throws SelectorSyntaxError {
        if (isBoolean(n) || n instanceof Node.Identifier) {
            return n;
        }
        throw new SelectorSyntaxError("expected a condition, found " + describe(n), at.position());
    }

    /** Operands of arithmetic, ordering comparisons and BETWEEN. */
    private Node requireNumeric(Node n, Token at) throws SelectorSyntaxError {
        if (isBoolean(n) || (n instanceof Node.Literal lit && !(lit.value() instanceof Number))) {
            throw new SelectorSyntaxError("expected a numeric value, found " + describe(n), at.position());
        }
        return n;
    }

    /** The left side of LIKE. */
    private void requireText(Node n, Token at) throws SelectorSyntaxError {
        if (isBoolean(n) || (n instanceof Node.Literal lit && !(lit.value() instanceof String))) {
            throw new SelectorSyntaxError("expected a string value before LIKE, found " + describe(n), at.position());
        }
    }

    /** NULL is never an operand of = or <> (use IS NULL). */
    private void requireNotNull(Node n, Token at) throws SelectorSyntaxError {
        if (n instanceof Node.Literal lit && lit.value() == null) {
            throw new SelectorSyntaxError("NULL cannot be compared (use IS NULL)", at.position());
        }
    }

    private static String describe(Node n) {
        if (n instanceof Node.Literal lit) {
            Object v = lit.value();
            return v == null ? "NULL" : v instanceof String s ? "'" + s + "'" : v.toString().toUpperCase();
        }
        return isBoolean(n) ? "a condition" : "an arithmetic expression";
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case STRING -> "'" + t.value() + "'";
            case END -> "end of selector";
            default -> String.valueOf(t.value());
        };
    }

    // ---- token stream ----

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(Kind kind, String value) {
        if (peek().is(kind, value)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String value) throws SelectorSyntaxError {
        if (!accept(kind, value)) {
            Token t = peek();
            throw new SelectorSyntaxError("expected " + value + ", found " + describe(t), t.position());
        }
    }

    private void expectEnd() throws SelectorSyntaxError {
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw new SelectorSyntaxError("unexpected " + describe(t), t.position());
        }
    }
}
