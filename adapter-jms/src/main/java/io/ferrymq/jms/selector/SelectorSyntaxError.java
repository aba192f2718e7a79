package io.ferrymq.jms.selector;

/** A mistake in a selector and where it is; {@link SelectorParser} turns it into an InvalidSelectorException. */
final class SelectorSyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int position;

    SelectorSyntaxError(String reason, int position) {
        super(reason);
        this.position = position;
    }
}
