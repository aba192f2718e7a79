package io.ferrymq.engine.local.storage;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import org.apache.activemq.artemis.core.io.nio.NIOSequentialFileFactory;
import org.apache.activemq.artemis.core.journal.IOCompletion;
import org.apache.activemq.artemis.core.journal.JournalLoadInformation;
import org.apache.activemq.artemis.core.journal.PreparedTransactionInfo;
import org.apache.activemq.artemis.core.journal.RecordInfo;
import org.apache.activemq.artemis.core.journal.impl.JournalImpl;
import org.apache.activemq.artemis.core.journal.impl.dataformat.ByteArrayEncoding;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * Storage on disk: the Artemis journal (append-only add/update/delete records in preallocated files, group commit
 * through a timed buffer, compaction of files whose records are mostly dead, replay at start). A batch of one change
 * is one record; a larger batch is one journal transaction, all or none after a crash. The data directory is locked
 * for as long as the storage is open. The journal checks a record's frame, not its bytes, so each record's data ends
 * in a CRC-32C: a record damaged inside (a torn or rotten sector) is left out at recovery and counted, never replayed.
 */
public final class JournalStorage implements Storage {
    /** How hard a commit works before it counts as durable. */
    public enum Fsync {
        /** Synced to the disk (group commit): survives power loss. */
        ALWAYS,
        /** Written to the OS: survives a process crash, not a power loss. */
        NEVER
    }

    private static final int FILE_SIZE = 10 * 1024 * 1024;
    private static final int BUFFER_SIZE = 2 * 1024 * 1024; // larger than the largest record, a 1 MiB message
    /** Ids of one start: 2^40 of them, far more than a run can use. */
    private static final int GENERATION_SHIFT = 40;
    private static final int GROUP_COMMIT_WINDOW_NANOS = 100_000;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SequentialFileFactory files;
    private final JournalImpl journal;
    private final Executor callbacks;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<EngineException> failure = new AtomicReference<>();
    private final List<RecordInfo> recovered = new ArrayList<>();
    private long damaged;

    private JournalStorage(Path dir, Fsync fsync, Executor callbacks,
                           UnaryOperator<SequentialFileFactory> fileLayer) throws Exception {
        this.dir = dir;
        this.callbacks = callbacks;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("FerryMQ's data directory " + dir + " is not writable: " + e, e);
        }
        FileLock held;
        try {
            held = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            lockChannel.close();
            throw new IllegalStateException("FerryMQ's data directory " + dir + " is in use by another engine"
                    + " (it holds the lock on " + dir.resolve("lock") + ")");
        }
        lock = held;
        files = fileLayer.apply(new NIOSequentialFileFactory(dir.toFile(), true, BUFFER_SIZE,
                GROUP_COMMIT_WINDOW_NANOS, 1, false,
                (code, message, file) -> fail("the journal in " + dir + " failed: " + message), null));
        files.setDatasync(fsync == Fsync.ALWAYS);
        journal = new JournalImpl(FILE_SIZE, 2, 10, 10, 30, files, "ferrymq", "fmq", 1);
        files.start();
        journal.start();
        List<PreparedTransactionInfo> prepared = new ArrayList<>();
        List<RecordInfo> loadedRecords = new ArrayList<>();
        JournalLoadInformation loaded = journal.load(loadedRecords, prepared,
                (transactionId, records, recordsToDelete) -> { }, true);
        for (int i = 0; i < loadedRecords.size(); i++) {
            RecordInfo r = loadedRecords.set(i, null); // so each record's bytes are held once, not twice
            byte[] data = unsealed(r.data);
            if (data == null) {
                damaged++;
            } else {
                recovered.add(new RecordInfo(r.id, r.userRecordType, data, r.isUpdate, r.replaceableUpdate,
                        r.compactCount));
            }
        }
        // Artemis drops a record whose id any delete record names, and its max id counts neither deleted records nor
        // transactions: so every start takes a new generation for the high bits, and no id is ever handed out twice.
        ids.set(Math.max(loaded.getMaxID(), nextGeneration(dir) << GENERATION_SHIFT));
    }

    /**
     * Opens (creating if need be) the journal in {@code dir} and reads it. {@code callbacks} is where completions
     * run: never on the journal's own threads, which may hold its locks while an engine thread appends.
     */
    public static JournalStorage open(Path dir, Fsync fsync, Executor callbacks) {
        return open(dir, fsync, callbacks, UnaryOperator.identity());
    }

    /** As {@link #open(Path, Fsync, Executor)}, with the file layer wrapped: how tests make a disk fail. */
    public static JournalStorage open(Path dir, Fsync fsync, Executor callbacks,
                                      UnaryOperator<SequentialFileFactory> fileLayer) {
        try {
            return new JournalStorage(dir, fsync, callbacks, fileLayer);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("FerryMQ could not open its journal in " + dir + ": " + e, e);
        }
    }

    /** Reads, increments and durably writes the start counter kept beside the journal. */
    private static long nextGeneration(Path dir) throws IOException {
        Path file = dir.resolve("generation");
        long previous = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
        long next = previous + 1;
        Path temp = dir.resolve("generation.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(Long.toString(next).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // the rename itself is durable before any id of this generation is used
        }
        return next;
    }

    /** The live records found at start, adds and updates in journal order; the engine rebuilds its state from them. */
    public List<RecordInfo> recovered() {
        return recovered;
    }

    /**
     * Records found at start whose checksum did not match: left out of {@link #recovered()} and left in the journal
     * as they are, for whoever salvages it.
     */
    public long damagedRecords() {
        return damaged;
    }

    /** Forgets the recovered records once the engine has rebuilt its state, so their memory can go. */
    public void recoveryDone() {
        recovered.clear();
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    @Override
    public long newRecordId() {
        return ids.incrementAndGet();
    }

    @Override
    public Batch batch() {
        return new JournalBatch();
    }

    @Override
    public void close() {
        // Whatever still tries to write is told the truth: the engine was closed, nothing failed.
        failure.compareAndSet(null, new EngineException(ErrorCode.INTERNAL_ERROR,
                "This engine is closed: its journal in " + dir + " takes no more changes."));
        try {
            journal.stop();
            files.stop();
        } catch (Exception e) {
            fail("the journal in " + dir + " did not close cleanly: " + e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    private void fail(String message) {
        failure.compareAndSet(null, new EngineException(ErrorCode.INTERNAL_ERROR,
                "FerryMQ stopped accepting changes because " + message + ". Nothing acknowledged was lost;"
                        + " restart the engine once the cause is fixed."));
    }

    /** The data with its CRC-32C after it. */
    private static byte[] sealed(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        byte[] out = Arrays.copyOf(data, data.length + 4);
        int sum = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            out[data.length + i] = (byte) (sum >>> (24 - 8 * i));
        }
        return out;
    }

    /** The data without its checksum, or null when the checksum does not match. */
    private static byte[] unsealed(byte[] record) {
        if (record == null || record.length < 4) {
            return null;
        }
        int n = record.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(record, 0, n);
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            sum = (sum << 8) | (record[n + i] & 0xFF);
        }
        return sum == (int) crc.getValue() ? Arrays.copyOf(record, n) : null;
    }

    private record Change(char kind, long id, byte type, byte[] data) {
    }

    private static void noteMissing(AtomicReference<String> missing, long id, boolean found) {
        if (!found) {
            missing.compareAndSet(null, Long.toString(id));
        }
    }

    /** The changes of one batch, appended at commit: one record, or one journal transaction. */
    private final class JournalBatch implements Batch {
        private final List<Change> changes = new ArrayList<>(2);

        @Override
        public void add(long id, byte type, byte[] data) {
            changes.add(new Change('a', id, type, sealed(data)));
        }

        @Override
        public void update(long id, byte type, byte[] data) {
            changes.add(new Change('u', id, type, sealed(data)));
        }

        @Override
        public void delete(long id) {
            changes.add(new Change('d', id, (byte) 0, null));
        }

        @Override
        public boolean isEmpty() {
            return changes.isEmpty();
        }

        @Override
        public CompletableFuture<Void> commit() {
            return commit(true);
        }

        @Override
        public CompletableFuture<Void> commitUnsynced() {
            return commit(false);
        }

        private CompletableFuture<Void> commit(boolean sync) {
            EngineException failed = failure.get();
            if (failed != null) {
                return CompletableFuture.failedFuture(failed);
            }
            CompletableFuture<Void> durable = new CompletableFuture<>();
            // Set on the journal's thread before done(): an update or delete whose record the journal does not hold.
            AtomicReference<String> missing = new AtomicReference<>();
            IOCompletion done = new IOCompletion() {
                @Override
                public void storeLineUp() {
                }

                @Override
                public void done() {
                    String lost = missing.get();
                    if (lost != null) {
                        fail("the journal in " + dir + " has no record " + lost + " to change");
                        callbacks.execute(() -> durable.completeExceptionally(failure.get()));
                    } else {
                        callbacks.execute(() -> durable.complete(null));
                    }
                }

                @Override
                public void onError(int code, String message) {
                    fail("a write to the journal in " + dir + " failed: " + message);
                    callbacks.execute(() -> durable.completeExceptionally(failure.get()));
                }
            };
            try {
                if (changes.size() == 1) {
                    Change c = changes.get(0);
                    switch (c.kind()) {
                        case 'a' -> journal.appendAddRecord(c.id(), c.type(), new ByteArrayEncoding(c.data()), sync,
                                done);
                        // The try- forms, because the plain ones block the caller (who holds a queue's lock) until
                        // the journal's thread has looked the record up, which can wait out a whole disk sync.
                        case 'u' -> journal.tryAppendUpdateRecord(c.id(), c.type(), new ByteArrayEncoding(c.data()),
                                sync, false, (id, found) -> noteMissing(missing, id, found), done);
                        default -> journal.tryAppendDeleteRecord(c.id(), sync,
                                (id, found) -> noteMissing(missing, id, found), done);
                    }
                } else {
                    long tx = newRecordId();
                    for (Change c : changes) {
                        switch (c.kind()) {
                            case 'a' -> journal.appendAddRecordTransactional(tx, c.id(), c.type(), c.data());
                            case 'u' -> journal.appendUpdateRecordTransactional(tx, c.id(), c.type(), c.data());
                            default -> journal.appendDeleteRecordTransactional(tx, c.id());
                        }
                    }
                    journal.appendCommitRecord(tx, sync, done);
                }
            } catch (Exception e) {
                fail("a write to the journal in " + dir + " failed: " + e);
                return CompletableFuture.failedFuture(failure.get());
            }
            return durable;
        }
    }
}
