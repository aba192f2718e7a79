package io.ferrymq.engine.local.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JournalStorageTest {
    @TempDir
    Path dir;

    /**
     * Ids handed out but not found at recovery (transaction ids, records a crash cut off, records deleted and
     * compacted) must never be handed out again: Artemis drops an added record whose id any delete record names.
     */
    @Test
    void noIdHandedOutBeforeARestartIsHandedOutAgain() {
        long highest = 0;
        try (JournalStorage first = JournalStorage.open(dir, JournalStorage.Fsync.ALWAYS, Runnable::run)) {
            long written = first.newRecordId();
            for (int i = 0; i < 100; i++) {
                highest = first.newRecordId(); // used for transactions or lost writes, not in the journal
            }
            Storage.Batch batch = first.batch();
            batch.add(written, (byte) 2, new byte[] {1});
            batch.commit().join();
        }
        try (JournalStorage second = JournalStorage.open(dir, JournalStorage.Fsync.ALWAYS, Runnable::run)) {
            assertThat(second.recovered()).hasSize(1);
            assertThat(second.newRecordId()).isGreaterThan(highest);
        }
    }

    /**
     * A change to a record the journal does not hold is an engine bug: it fails the storage, as the blocking
     * append did, though the commit no longer waits for the journal's thread to look the record up.
     */
    @Test
    void aChangeToAMissingRecordFailsTheStorage() {
        try (JournalStorage journal = JournalStorage.open(dir, JournalStorage.Fsync.NEVER, Runnable::run)) {
            Storage.Batch update = journal.batch();
            update.update(journal.newRecordId(), (byte) 1, new byte[] {1});
            assertThat(update.commit()).failsWithin(java.time.Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("has no record");

            Storage.Batch later = journal.batch();
            later.add(journal.newRecordId(), (byte) 1, new byte[] {2});
            assertThat(later.commit()).as("the storage stays failed").isCompletedExceptionally();

            Storage.Batch delete = journal.batch();
            delete.delete(journal.newRecordId());
            assertThat(delete.commit()).isCompletedExceptionally();
        }
    }
}
