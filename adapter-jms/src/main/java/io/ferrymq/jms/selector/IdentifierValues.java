package io.ferrymq.jms.selector;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.selector.filter.FilterException;
import org.apache.activemq.artemis.selector.filter.Filterable;

import java.util.function.Function;

/**
 * The message as Artemis's expressions see it. Identifiers resolve to java.lang.String, Long, Double or Boolean
 * ({@link SelectorValues}); Artemis's LIKE and IN only match java.lang.String, never SimpleString.
 */
final class IdentifierValues implements Filterable {
    private final Function<String, ?> lookup;

    IdentifierValues(Function<String, ?> lookup) {
        this.lookup = lookup;
    }

    Object value(String name) {
        return SelectorValues.normalize(lookup.apply(name));
    }

    @Override
    public Object getProperty(SimpleString name) {
        return value(name.toString());
    }

    @Override
    public <T> T getBodyAs(Class<T> type) throws FilterException {
        throw new FilterException("a message selector cannot read the message body");
    }

    @Override
    public Object getLocalConnectionId() {
        return null;
    }
}
