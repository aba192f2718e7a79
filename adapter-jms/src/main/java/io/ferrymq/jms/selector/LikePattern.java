package io.ferrymq.jms.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * A LIKE pattern read as Artemis reads it: {@code %} any run, {@code _} one character, and the escape character
 * making the next character literal when that is {@code %}, {@code _} or itself (otherwise it is an ordinary
 * character). Keeps what a filter policy can use: the literal text before the first and after the last wildcard.
 */
record LikePattern(String prefix, String suffix, Shape shape) {
    enum Shape {
        /** No wildcard: the exact string {@link #prefix}. */
        LITERAL,
        /** 'abc%': strings starting with {@link #prefix}. */
        PREFIX,
        /** '%abc': strings ending with {@link #suffix}. */
        SUFFIX,
        OTHER
    }

    private static final Character ANY = null; // a wildcard token; literal tokens are their character

    static LikePattern of(String pattern, Character escape) {
        List<Character> tokens = new ArrayList<>(); // literal characters, and ANY for % and _
        List<Boolean> underscore = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()
                    && (pattern.charAt(i + 1) == '%' || pattern.charAt(i + 1) == '_' || pattern.charAt(i + 1) == c)) {
                tokens.add(pattern.charAt(++i));
                underscore.add(false);
            } else if (c == '%' || c == '_') {
                tokens.add(ANY);
                underscore.add(c == '_');
            } else {
                tokens.add(c);
                underscore.add(false);
            }
        }
        int first = tokens.indexOf(ANY);
        if (first < 0) {
            String all = text(tokens, 0, tokens.size());
            return new LikePattern(all, all, Shape.LITERAL);
        }
        int last = tokens.lastIndexOf(ANY);
        String prefix = text(tokens, 0, first);
        String suffix = text(tokens, last + 1, tokens.size());
        boolean percentOnly = !underscore.contains(true);
        Shape shape = Shape.OTHER;
        if (percentOnly && last == tokens.size() - 1 && onlyWildcards(tokens, first, last)) {
            shape = Shape.PREFIX;
        } else if (percentOnly && first == 0 && onlyWildcards(tokens, first, last)) {
            shape = Shape.SUFFIX;
        }
        return new LikePattern(prefix, suffix, shape);
    }

    private static boolean onlyWildcards(List<Character> tokens, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (tokens.get(i) != ANY) {
                return false;
            }
        }
        return true;
    }

    private static String text(List<Character> tokens, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(tokens.get(i).charValue());
        }
        return b.toString();
    }
}
