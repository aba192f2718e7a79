package io.ferrymq.engine.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to. {@link #advance} runs every timer that falls due, in time order, on the
 * calling thread, so a test of a 15-minute delay takes no time at all.
 */
public final class ManualTimeSource implements TimeSource {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;

    public ManualTimeSource() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualTimeSource(Instant start) {
        this.now = start.toEpochMilli();
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized Timer schedule(long atMillis, Runnable task) {
        Task t = new Task(atMillis, sequence++, task);
        tasks.add(t);
        return () -> {
            synchronized (ManualTimeSource.this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves the clock forward, running the timers that fall due on the way, each at its own time. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go backwards: " + by);
        }
        long target;
        synchronized (this) {
            target = now + by.toMillis();
        }
        while (true) {
            List<Runnable> due = new ArrayList<>();
            synchronized (this) {
                Task next = tasks.peek();
                if (next == null || next.at > target) {
                    now = target;
                    return;
                }
                now = Math.max(now, next.at);
                while (!tasks.isEmpty() && tasks.peek().at <= now) {
                    due.add(tasks.poll().task);
                }
            }
            due.forEach(Runnable::run);
        }
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** How many timers are waiting; lets a test see that nothing is left scheduled. */
    public synchronized int pendingTimers() {
        return tasks.size();
    }

    private record Task(long at, long seq, Runnable task) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }
}
