package io.ferrymq.camel.sqs;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * extendMessageVisibility: keeps the visibility lease of every message a consumer holds (received and waiting, or
 * being processed) alive until its exchange completes. One timer on the engine's clock, armed only while something
 * is held, ticks at a quarter of the term and renews each lease past half its term, ten to a
 * ChangeMessageVisibilityBatch, so a lease never comes within half a term of lapsing.
 */
final class LeaseExtender {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseExtender.class);

    private final Engine engine;
    private final TimeSource time;
    private final String queueUrl;
    private final int termSeconds;
    private final long renewAfterMillis;
    private final long tickMillis;
    /** Receipt handle -> when its lease is next due for renewal. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private final Object timerLock = new Object();
    private TimeSource.Timer timer;
    private boolean closed;

    LeaseExtender(Engine engine, TimeSource time, String queueUrl, int termSeconds) {
        this.engine = engine;
        this.time = time;
        this.queueUrl = queueUrl;
        this.termSeconds = termSeconds;
        this.renewAfterMillis = termSeconds * 1000L / 2;
        this.tickMillis = Math.max(1, termSeconds * 1000L / 4);
    }

    void hold(String receiptHandle) {
        held.put(receiptHandle, time.millis() + renewAfterMillis);
        arm();
    }

    /** The message was deleted, failed or handed back: its lease is no longer ours to keep. */
    void drop(String receiptHandle) {
        held.remove(receiptHandle);
    }

    int heldCount() {
        return held.size();
    }

    private void arm() {
        synchronized (timerLock) {
            if (timer == null && !closed) {
                timer = time.schedule(time.millis() + tickMillis, this::renewDue);
            }
        }
    }

    private void renewDue() {
        synchronized (timerLock) {
            timer = null;
        }
        long now = time.millis();
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(10);
        for (Map.Entry<String, Long> lease : held.entrySet()) {
            if (lease.getValue() <= now) {
                // Renewed from now on: replace only if still held, so a lease dropped meanwhile stays dropped.
                held.replace(lease.getKey(), lease.getValue(), now + renewAfterMillis);
                entries.add(new ChangeMessageVisibilityBatchRequestEntry(Integer.toString(entries.size()),
                        lease.getKey(), termSeconds));
                if (entries.size() == 10) {
                    renew(entries);
                    entries = new ArrayList<>(10);
                }
            }
        }
        if (!entries.isEmpty()) {
            renew(entries);
        }
        if (!held.isEmpty()) {
            arm();
        }
    }

    private void renew(List<ChangeMessageVisibilityBatchRequestEntry> entries) {
        // An entry that fails names a message its exchange has just settled: nothing left to extend.
        engine.changeMessageVisibilityBatch(queueUrl, entries).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("Could not extend the visibility of {} messages on {}: {}", entries.size(), queueUrl,
                        failure.toString());
            } else if (!result.failed().isEmpty() && LOG.isDebugEnabled()) {
                LOG.debug("Visibility not extended for {} settled messages on {}", result.failed().size(), queueUrl);
            }
        });
    }

    /** Stops renewing; leases still held lapse at the end of their term. */
    void close() {
        synchronized (timerLock) {
            closed = true;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
        held.clear();
    }
}
