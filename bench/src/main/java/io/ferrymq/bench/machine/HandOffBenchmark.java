package io.ferrymq.bench.machine;

import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Workload 8, this machine's ceiling for handing a message from one thread to another in memory (reference rows): the
 * most that workloads 1 (throughput) and 6 (round trip) could reach if a broker did nothing but pass a reference
 * between two threads. {@code queue}:
 * <ul>
 * <li>{@code abq}: {@link ArrayBlockingQueue} (capacity 1024), put and take: threads that wait are parked and woken,
 * as a consumer waiting for messages is;</li>
 * <li>{@code spsc}: JCTools' lock-free {@code SpscArrayQueue} (capacity 1024), both sides busy-spinning (yielding
 * the core after about a thousand spins, so that a thread preempted on two cores does not stall the other for a
 * whole time slice): no parking, the hardware's ceiling.</li>
 * </ul>
 * {@code throughput}: the benchmark thread hands messages to a consumer thread, in messages per second.
 * {@code roundTrip}: the benchmark thread hands a message to an echo thread and waits for it to come back on a second
 * queue, in microseconds per round trip.
 *
 * <p>Smoke mode: nothing to scale; the harness shortens iterations and forks.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class HandOffBenchmark {
    private static final int CAPACITY = 1024;
    private static final Object MESSAGE = new Object();
    /** Spins before yielding: about 10 to 50 microseconds of spinning. */
    private static final int SPINS = 1000;

    /** One direction of a hand-off. */
    interface Pipe {
        void put(Object m) throws InterruptedException;

        Object take() throws InterruptedException;
    }

    static Pipe pipe(String queue) {
        return switch (queue) {
            case "abq" -> new Pipe() {
                private final BlockingQueue<Object> q = new ArrayBlockingQueue<>(CAPACITY);

                @Override
                public void put(Object m) throws InterruptedException {
                    q.put(m);
                }

                @Override
                public Object take() throws InterruptedException {
                    return q.take();
                }
            };
            case "spsc" -> new Pipe() {
                private final SpscArrayQueue<Object> q = new SpscArrayQueue<>(CAPACITY);

                @Override
                public void put(Object m) throws InterruptedException {
                    for (int spins = 0; !q.offer(m); spins++) {
                        spin(spins);
                    }
                }

                @Override
                public Object take() throws InterruptedException {
                    Object m;
                    for (int spins = 0; (m = q.poll()) == null; spins++) {
                        spin(spins);
                    }
                    return m;
                }

                /** Busy-spins, and past SPINS lets another thread have the core (two cores, other threads). */
                private void spin(int spins) throws InterruptedException {
                    if (spins < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        Thread.yield();
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            };
            default -> throw new IllegalArgumentException("unknown queue " + queue);
        };
    }

    /** A consumer thread taking whatever the benchmark thread hands it. */
    @State(Scope.Benchmark)
    public static class OneWay {
        @Param({"abq", "spsc"})
        public String queue;

        Pipe pipe;
        private Thread consumer;

        @Setup(Level.Trial)
        public void start() {
            pipe = pipe(queue);
            consumer = new Thread(() -> {
                try {
                    while (true) {
                        pipe.take();
                    }
                } catch (InterruptedException e) {
                    // stopped
                }
            }, "hand-off consumer");
            consumer.setDaemon(true);
            consumer.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            consumer.interrupt();
            consumer.join(10_000);
        }
    }

    /** An echo thread sending back on {@code back} what comes on {@code out}. */
    @State(Scope.Benchmark)
    public static class Echo {
        @Param({"abq", "spsc"})
        public String queue;

        Pipe out;
        Pipe back;
        private Thread echo;

        @Setup(Level.Trial)
        public void start() {
            out = pipe(queue);
            back = pipe(queue);
            echo = new Thread(() -> {
                try {
                    while (true) {
                        back.put(out.take());
                    }
                } catch (InterruptedException e) {
                    // stopped
                }
            }, "hand-off echo");
            echo.setDaemon(true);
            echo.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            echo.interrupt();
            echo.join(10_000);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput(OneWay w) throws InterruptedException {
        w.pipe.put(MESSAGE);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object roundTrip(Echo e) throws InterruptedException {
        e.out.put(MESSAGE);
        return e.back.take();
    }
}
