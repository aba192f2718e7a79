package io.ferrymq.jms.selector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a selector into tokens (Jakarta Messaging 3.1, section 3.8.1.1). */
final class SelectorLexer {
    enum Kind { IDENTIFIER, KEYWORD, STRING, NUMBER, SYMBOL, END }

    /**
     * A token; {@code value} is the keyword in upper case, the decoded string, the symbol, the identifier, or the
     * number (Long, Double, or a BigInteger one past Long.MAX_VALUE that only a leading minus makes valid).
     */
    record Token(Kind kind, Object value, int position) {
        boolean is(Kind k, String v) {
            return kind == k && value.equals(v);
        }
    }

    static final Set<String> KEYWORDS = Set.of("NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "NULL", "TRUE",
            "FALSE", "ESCAPE");
    static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);

    private final String text;
    private int pos;

    private SelectorLexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, ending with an END token. */
    static List<Token> tokens(String text) throws SelectorSyntaxError {
        SelectorLexer lexer = new SelectorLexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private Token next() throws SelectorSyntaxError {
        while (pos < text.length() && " \t\n\r\f".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        int start = pos;
        if (pos == text.length()) {
            return new Token(Kind.END, "end of selector", start);
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return string(start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (Character.isJavaIdentifierStart(c)) {
            while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            String upper = word.toUpperCase(Locale.ROOT);
            return KEYWORDS.contains(upper) ? new Token(Kind.KEYWORD, upper, start)
                    : new Token(Kind.IDENTIFIER, word, start);
        }
        for (String symbol : new String[] {"<>", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "(", ")", ","}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Kind.SYMBOL, symbol, start);
            }
        }
        throw new SelectorSyntaxError("unexpected character '" + c + "'", start);
    }

    /** A string literal: single quotes, a quote inside written twice. */
    private Token string(int start) throws SelectorSyntaxError {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new SelectorSyntaxError("string literal is not closed", start);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    pos++;
                } else {
                    return new Token(Kind.STRING, value.toString(), start);
                }
            }
            value.append(c);
        }
    }

    /** Java integer (decimal, hex, octal, optional L) and floating-point literal syntax. */
    private Token number(int start) throws SelectorSyntaxError {
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            int digits = pos;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            return integer(start, text.substring(digits, pos), 16);
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        boolean floating = false;
        if (pos < text.length() && text.charAt(pos) == '.') {
            floating = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            floating = true;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (digits == pos) {
                throw new SelectorSyntaxError("exponent without digits in number", start);
            }
        }
        String body = text.substring(start, pos);
        if (pos < text.length() && "fFdD".indexOf(text.charAt(pos)) >= 0) {
            char suffix = text.charAt(pos++);
            endOfNumber(start);
            // a float literal is a float, widened to double as Java's numeric promotion would
            double value = suffix == 'f' || suffix == 'F' ? (double) Float.parseFloat(body) : Double.parseDouble(body);
            return finite(start, value);
        }
        if (floating) {
            endOfNumber(start);
            return finite(start, Double.parseDouble(body));
        }
        if (body.length() > 1 && body.charAt(0) == '0') {
            return integer(start, body.substring(1), 8);
        }
        return integer(start, body, 10);
    }

    private Token integer(int start, String digits, int radix) throws SelectorSyntaxError {
        if (pos < text.length() && (text.charAt(pos) == 'l' || text.charAt(pos) == 'L')) {
            pos++;
        }
        endOfNumber(start);
        BigInteger value;
        try {
            value = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw new SelectorSyntaxError("invalid number '" + text.substring(start, pos) + "'", start);
        }
        if (value.bitLength() < 64) {
            return new Token(Kind.NUMBER, value.longValue(), start);
        }
        if (radix == 10 && value.equals(LONG_MIN_MAGNITUDE)) {
            return new Token(Kind.NUMBER, value, start); // valid only after a minus sign; the parser checks
        }
        throw new SelectorSyntaxError("number '" + text.substring(start, pos) + "' is out of the range of a long",
                start);
    }

    private Token finite(int start, double value) throws SelectorSyntaxError {
        if (Double.isInfinite(value)) {
            throw new SelectorSyntaxError("number '" + text.substring(start, pos) + "' is out of the range of a double",
                    start);
        }
        return new Token(Kind.NUMBER, value, start);
    }

    /** A number must not run into letters: {@code 1abc} is not an identifier. */
    private void endOfNumber(int start) throws SelectorSyntaxError {
        if (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
            throw new SelectorSyntaxError("invalid number '" + text.substring(start, pos + 1) + "…'", start);
        }
    }
}
