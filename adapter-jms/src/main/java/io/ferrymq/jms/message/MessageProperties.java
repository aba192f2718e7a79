package io.ferrymq.jms.message;

import jakarta.jms.MessageFormatException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A message's properties in the order they were set, with the rules for what an application may set: names that are
 * selector identifiers (§3.8.1.1) and values of the eight property types or null. Names that arrived from outside JMS
 * (an SQS attribute called {@code trace-id}) are kept, readable and listed as they are.
 */
final class MessageProperties {
    // Selector keywords match regardless of case, so a property spelt "null" or "Is" could never be selected on.
    private static final Set<String> RESERVED = Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE",
            "IN", "IS", "ESCAPE");

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Sets a property as an application does: the name must be an identifier, the value of a property type. */
    void set(String name, Object value) throws MessageFormatException {
        checkName(name);
        if (!TypeConversion.isPropertyValue(value)) {
            throw new MessageFormatException("A property cannot hold a " + value.getClass().getName()
                    + "; only Boolean, Byte, Short, Integer, Long, Float, Double and String");
        }
        values.put(name, value);
    }

    /** Sets a property without the name rule, for provider-set (JMSX) and arrived properties. */
    void put(String name, Object value) {
        values.put(name, value);
    }

    Object get(String name) {
        return values.get(name);
    }

    boolean contains(String name) {
        return values.containsKey(name);
    }

    void remove(String name) {
        values.remove(name);
    }

    void clear() {
        values.clear();
    }

    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    /** A snapshot, in insertion order. */
    Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A property name cannot be null or empty");
        }
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("Property name '" + name + "' is not a Java identifier");
        }
        // Exact spelling, as qpid-jms checks it: JORAM itself names a property "true", and brokers accept that.
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("Property name '" + name + "' is a message selector keyword");
        }
    }

    static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
