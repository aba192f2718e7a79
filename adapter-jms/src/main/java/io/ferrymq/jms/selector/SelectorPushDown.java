package io.ferrymq.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.Optional;

/**
 * Turns a selector into an SNS filter policy for the queue that backs a topic subscription, so that SNS drops what
 * the consumer would not select. The policy never rejects a message the selector accepts (given attributes from
 * {@link FilterAttributes#of}); what cannot be expressed is left out, which only widens it, and {@code exact} says
 * whether anything was. A selector is translated for where it is TRUE; under NOT, for where its operand is FALSE,
 * which SQL's unknown keeps apart from "not TRUE".
 */
public final class SelectorPushDown {
    private SelectorPushDown() {
    }

    /** @throws InvalidSelectorException as {@link JmsSelector#parse} does */
    public static PushDown translate(String selector) throws InvalidSelectorException {
        return translate(JmsSelector.parse(selector));
    }

    public static PushDown translate(JmsSelector selector) {
        if (selector.selectsEverything()) {
            return new PushDown(Optional.empty(), true);
        }
        return PolicyWriter.write(dnf(selector.tree(), true));
    }

    /** What accepts the messages where {@code node} is TRUE ({@code positive}) or FALSE. */
    static Dnf dnf(Node node, boolean positive) {
        if (node instanceof Node.Not not) {
            return dnf(not.operand(), !positive);
        }
        if (node instanceof Node.And and) {
            return combine(and.operands().toArray(Node[]::new), positive, positive);
        }
        if (node instanceof Node.Or or) {
            return combine(or.operands().toArray(Node[]::new), positive, !positive);
        }
        return AtomTranslator.translate(node, positive);
    }

    /** AND of the operands' translations when {@code conjunction}, else OR (De Morgan under NOT). */
    private static Dnf combine(Node[] operands, boolean positive, boolean conjunction) {
        Dnf result = dnf(operands[0], positive);
        for (int i = 1; i < operands.length; i++) {
            Dnf next = dnf(operands[i], positive);
            result = conjunction ? result.and(next) : result.or(next);
        }
        return result;
    }
}
