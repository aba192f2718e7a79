package io.ferrymq.jms.provider;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What JMS requires to be unique or counted among the connections of one engine in this JVM: client IDs, the one
 * active consumer of an unshared durable subscription, and the consumers of each shared subscription (a shared
 * non-durable subscription lives while it has one). One lock guards it all; every call is short.
 */
public final class ActiveSubscriptions {
    private final Set<String> clientIds = new HashSet<>();
    private final Set<String> activeDurable = new HashSet<>();
    private final Map<String, Integer> sharedConsumers = new HashMap<>();

    public synchronized void claimClientId(String clientId) throws InvalidClientIDException {
        if (!clientIds.add(clientId)) {
            throw new InvalidClientIDException("Client ID '" + clientId + "' is already in use by another connection");
        }
    }

    public synchronized void releaseClientId(String clientId) {
        clientIds.remove(clientId);
    }

    /** Marks an unshared durable subscription active; a second consumer on it is refused, as the spec says. */
    public synchronized void activateDurable(String queueName) throws IllegalStateException {
        if (sharedConsumers.containsKey(queueName) || !activeDurable.add(queueName)) {
            throw new IllegalStateException("Durable subscription " + queueName + " already has an active consumer");
        }
    }

    public synchronized void deactivateDurable(String queueName) {
        activeDurable.remove(queueName);
    }

    public synchronized boolean isActive(String queueName) {
        return activeDurable.contains(queueName) || sharedConsumers.containsKey(queueName);
    }

    /** Counts one more consumer on a shared subscription; true when it is the first. */
    public synchronized boolean joinShared(String queueName) throws IllegalStateException {
        if (activeDurable.contains(queueName)) {
            throw new IllegalStateException("Subscription " + queueName + " is in use by an unshared consumer");
        }
        return sharedConsumers.merge(queueName, 1, Integer::sum) == 1;
    }

    /** Counts one consumer fewer; true when it was the last. */
    public synchronized boolean leaveShared(String queueName) {
        Integer left = sharedConsumers.computeIfPresent(queueName, (k, n) -> n == 1 ? null : n - 1);
        return left == null;
    }
}
