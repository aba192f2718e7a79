package io.ferrymq.jms.provider;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.time.TimeSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the visibility lease of every message the provider holds (prefetched, or delivered and not yet
 * acknowledged) alive, so a slow listener or a long transaction never sees its message handed to another consumer.
 * One timer, armed only while something is held, renews every lease past half its term in batches of ten.
 */
public final class LeaseKeeper {
    private final Engine engine;
    private final TimeSource time;
    private final int leaseSeconds;
    private final long renewEveryMillis;
    private final long tickMillis;
    private final Set<Lease> held = ConcurrentHashMap.newKeySet();
    private final Object timerLock = new Object();
    private TimeSource.Timer timer;

    public LeaseKeeper(Engine engine, TimeSource time, int leaseSeconds) {
        this.engine = engine;
        this.time = time;
        this.leaseSeconds = leaseSeconds;
        this.renewEveryMillis = leaseSeconds * 1000L / 2;
        // Ticking at a quarter of the term renews each lease by three quarters of it at the latest.
        this.tickMillis = leaseSeconds * 1000L / 4;
    }

    public int leaseSeconds() {
        return leaseSeconds;
    }

    /** One message's lease, from the moment its receive returned. */
    public final class Lease {
        final String queueUrl;
        final String receiptHandle;
        volatile long renewAt;

        Lease(String queueUrl, String receiptHandle, long renewAt) {
            this.queueUrl = queueUrl;
            this.receiptHandle = receiptHandle;
            this.renewAt = renewAt;
        }

        /** The message was deleted, released or handed back: stop renewing. */
        public void drop() {
            held.remove(this);
        }
    }

    public Lease hold(String queueUrl, String receiptHandle) {
        Lease lease = new Lease(queueUrl, receiptHandle, time.millis() + renewEveryMillis);
        held.add(lease);
        arm();
        return lease;
    }

    /** How many leases are being kept (for tests and diagnostics). */
    public int heldCount() {
        return held.size();
    }

    private void arm() {
        synchronized (timerLock) {
            if (timer == null) {
                timer = time.schedule(time.millis() + tickMillis, this::renewDue);
            }
        }
    }

    private void renewDue() {
        synchronized (timerLock) {
            timer = null;
        }
        long now = time.millis();
        Map<String, List<Lease>> due = new HashMap<>();
        for (Lease l : held) {
            if (l.renewAt <= now) {
                due.computeIfAbsent(l.queueUrl, k -> new ArrayList<>()).add(l);
            }
        }
        due.forEach((queueUrl, leases) -> {
            for (int from = 0; from < leases.size(); from += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (Lease l : leases.subList(from, Math.min(from + 10, leases.size()))) {
                    l.renewAt = now + renewEveryMillis;
                    entries.add(new ChangeMessageVisibilityBatchRequestEntry(Integer.toString(entries.size()),
                            l.receiptHandle, leaseSeconds));
                }
                // A handle that fails is one the application just settled; nothing to do about it.
                engine.changeMessageVisibilityBatch(queueUrl, entries);
            }
        });
        if (!held.isEmpty()) {
            arm();
        }
    }

    public void close() {
        synchronized (timerLock) {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
        held.clear();
    }
}
