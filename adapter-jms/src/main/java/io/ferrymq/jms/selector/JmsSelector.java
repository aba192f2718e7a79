package io.ferrymq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.selector.filter.BooleanExpression;
import org.apache.activemq.artemis.selector.filter.FilterException;

import java.util.function.Function;

/**
 * A message selector (Jakarta Messaging 3.1, section 3.8.1), parsed once and evaluated with artemis-selector's
 * expression nodes. Identifiers are properties, except the header fields JMSDeliveryMode ('PERSISTENT' or
 * 'NON_PERSISTENT'), JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType; an absent identifier is
 * NULL and makes a comparison unknown; strings are never converted to numbers. Immutable and thread-safe; evaluation
 * allocates one small object and takes no lock.
 */
public final class JmsSelector {
    private static final JmsSelector EVERYTHING = new JmsSelector(null, null, null);

    private final String text;
    private final Node tree;
    private final BooleanExpression expression;

    private JmsSelector(String text, Node tree, BooleanExpression expression) {
        this.text = text;
        this.tree = tree;
        this.expression = expression;
    }

    /**
     * Parses a selector. Null, empty or blank selects every message.
     *
     * @throws InvalidSelectorException naming the mistake and its position (1-based)
     */
    public static JmsSelector parse(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        Node tree = SelectorParser.parse(selector);
        try {
            return new JmsSelector(selector, tree, ExpressionCompiler.condition(tree));
        } catch (RuntimeException e) { // Artemis cannot build a regex for a LIKE pattern
            InvalidSelectorException ex = new InvalidSelectorException("Invalid message selector \"" + selector
                    + "\": " + e.getMessage());
            ex.initCause(e);
            throw ex;
        }
    }

    /** Whether the selector selects {@code message}: TRUE selects; FALSE and unknown do not. */
    public boolean matches(Message message) {
        return expression == null || evaluate(new IdentifierValues(name -> SelectorValues.of(message, name)));
    }

    /**
     * Whether the selector selects the message whose identifiers (properties and the selector's header fields, with
     * JMSDeliveryMode as 'PERSISTENT' or 'NON_PERSISTENT') the function gives, null for absent. For callers that hold
     * values but no {@link Message}; Integer, Short, Byte and Float values are widened as properties are.
     */
    public boolean matches(Function<String, ?> identifiers) {
        return expression == null || evaluate(new IdentifierValues(identifiers));
    }

    private boolean evaluate(IdentifierValues values) {
        try {
            return expression.matches(values);
        } catch (FilterException | RuntimeException e) {
            return false; // not reached by the nodes built here; a selector never throws at a consumer
        }
    }

    /** The selector as given, or null when it selects everything (what MessageConsumer.getMessageSelector returns). */
    public String text() {
        return text;
    }

    /** True when there is no selector (null, empty or blank). */
    public boolean selectsEverything() {
        return tree == null;
    }

    /** The parse tree, or null when there is no selector. */
    Node tree() {
        return tree;
    }

    @Override
    public String toString() {
        return text == null ? "(no selector)" : text;
    }
}
