package io.ferrymq.jms.jndi;

import io.ferrymq.jms.FerryQueue;
import io.ferrymq.jms.FerryTopic;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A flat, in-memory naming context: what the properties configured, plus {@code dynamicQueues/<name>} and
 * {@code dynamicTopics/<name>}. Binding at runtime is allowed (tools and test suites bind what they create).
 */
public final class FerryJndiContext implements Context {
    static final String DYNAMIC_QUEUES = "dynamicQueues/";
    static final String DYNAMIC_TOPICS = "dynamicTopics/";

    private final Hashtable<Object, Object> environment;
    private final Map<String, Object> bindings;

    public FerryJndiContext(Hashtable<?, ?> environment, Map<String, Object> bindings) {
        this.environment = new Hashtable<>(environment);
        this.bindings = new ConcurrentHashMap<>(bindings);
    }

    @Override
    public Object lookup(String name) throws NamingException {
        if (name.isEmpty()) {
            return new FerryJndiContext(environment, bindings);
        }
        Object bound = bindings.get(name);
        if (bound != null) {
            return bound;
        }
        if (name.startsWith(DYNAMIC_QUEUES) && name.length() > DYNAMIC_QUEUES.length()) {
            return new FerryQueue(name.substring(DYNAMIC_QUEUES.length()));
        }
        if (name.startsWith(DYNAMIC_TOPICS) && name.length() > DYNAMIC_TOPICS.length()) {
            return new FerryTopic(name.substring(DYNAMIC_TOPICS.length()));
        }
        throw new NameNotFoundException("Nothing is bound to '" + name + "' (configure it as connectionFactory."
                + name + ", queue." + name + " or topic." + name + ")");
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(name.toString());
    }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        if (bindings.putIfAbsent(name, obj) != null) {
            throw new NameAlreadyBoundException(name);
        }
    }

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        bind(name.toString(), obj);
    }

    @Override
    public void rebind(String name, Object obj) {
        bindings.put(name, obj);
    }

    @Override
    public void rebind(Name name, Object obj) {
        rebind(name.toString(), obj);
    }

    @Override
    public void unbind(String name) {
        bindings.remove(name);
    }

    @Override
    public void unbind(Name name) {
        unbind(name.toString());
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        Object obj = lookup(oldName);
        bind(newName, obj);
        unbind(oldName);
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        rename(oldName.toString(), newName.toString());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) {
        return enumerate(bindings.entrySet().stream()
                .map(e -> new NameClassPair(e.getKey(), e.getValue().getClass().getName())).toList());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) {
        return list(name.toString());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) {
        return enumerate(bindings.entrySet().stream().map(e -> new Binding(e.getKey(), e.getValue())).toList());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) {
        return listBindings(name.toString());
    }

    private static <T> NamingEnumeration<T> enumerate(List<T> items) {
        Iterator<T> it = items.iterator();
        return new NamingEnumeration<>() {
            @Override
            public T next() {
                return it.next();
            }

            @Override
            public boolean hasMore() {
                return it.hasNext();
            }

            @Override
            public void close() {
            }

            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public T nextElement() {
                return it.next();
            }
        };
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw new OperationNotSupportedException("This context is flat");
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        destroySubcontext(name.toString());
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw new OperationNotSupportedException("This context is flat");
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        return createSubcontext(name.toString());
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NameParser getNameParser(String name) {
        return CompositeName::new;
    }

    @Override
    public NameParser getNameParser(Name name) {
        return getNameParser(name.toString());
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
    }

    @Override
    public String getNameInNamespace() {
        return "";
    }
}
