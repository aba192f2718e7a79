package io.ferrymq.engine.time;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wall-clock time with one daemon timer thread; timers are only created for waits, never per message. */
public final class SystemTimeSource implements TimeSource {
    private final ScheduledThreadPoolExecutor timer;

    public SystemTimeSource() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ferrymq-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public Timer schedule(long atMillis, Runnable task) {
        ScheduledFuture<?> f = timer.schedule(task, Math.max(0, atMillis - millis()), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
