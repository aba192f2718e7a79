package io.ferrymq.bench.machine;

import io.ferrymq.bench.storage.Storage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Workload 8, the data disk's limit (reference row): the latency of one synced small write, as a durable engine's
 * journal does it. A 10 MiB file is preallocated (zeros, synced) in a fresh directory where durable engines put their
 * data ({@link Storage#newDirectory}: {@code bench.dataDir}, else {@code java.io.tmpdir}; the device and file system
 * are printed), like the journal's preallocated files; each operation writes the next 1 KiB of it and calls
 * {@code FileChannel.force(false)} (fdatasync: the data and what is needed to read it back, not the modification
 * time), which is how the Artemis journal under a durable LocalEngine syncs. The file never grows, so no sync pays
 * for a size change. One thread: the latency of a lone sync, not what group commit makes of concurrent ones. Score:
 * microseconds per synced write (mean; JMH adds percentiles); 1e6 / score is the syncs per second one writer gets,
 * the ceiling of fsync=ALWAYS without group commit.
 *
 * <p>Smoke mode: nothing to scale; the harness shortens iterations and forks.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FsyncBenchmark {
    private static final int FILE_SIZE = 10 << 20;
    private static final int WRITE_SIZE = 1024;

    private Path dir;
    private FileChannel file;
    private final ByteBuffer record = ByteBuffer.allocateDirect(WRITE_SIZE);
    private long position;

    @Setup(Level.Trial)
    public void preallocate() throws IOException {
        dir = Storage.newDirectory("fsync");
        file = FileChannel.open(dir.resolve("journal.dat"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (long at = 0; at < FILE_SIZE; at += zeros.capacity()) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                file.write(zeros, at + zeros.position());
            }
        }
        file.force(true);
        for (int i = 0; i < WRITE_SIZE; i++) {
            record.put(i, (byte) ('a' + i % 26));
        }
    }

    @Benchmark
    public long syncedWrite() throws IOException {
        record.clear();
        while (record.hasRemaining()) {
            file.write(record, position + record.position());
        }
        file.force(false);
        position = position + WRITE_SIZE == FILE_SIZE ? 0 : position + WRITE_SIZE;
        return position;
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        file.close();
        Storage.delete(dir);
    }
}
