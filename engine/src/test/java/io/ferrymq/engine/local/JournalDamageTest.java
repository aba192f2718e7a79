package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Torn writes: messages are sent one at a time (a journal record each, in a known order), the engine stops cleanly,
 * then the tail of the journal is damaged at a seeded random offset. The engine must still open, keep every message
 * whose record lies before the damage, invent nothing, and go on taking messages that survive the next restart.
 * The journal checks a record's frame only; bytes damaged inside a frame are caught by the storage's own checksum.
 */
class JournalDamageTest extends DurableEngineFixture {
    private static final int MESSAGES = 300;

    /** How the tail is damaged, from a byte offset inside the written part of the journal file. */
    enum Damage {
        /** A torn write on a preallocated file: from the offset on, the file holds zeros again. */
        ZERO_FILL,
        /** The file ends at the offset. */
        TRUNCATE,
        /** Random bytes from the offset to the end of what was written. */
        GARBLE_TAIL,
        /** 1 to 64 random bytes at the offset; records after them are intact. */
        GARBLE_WINDOW
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Damage.values())
                .flatMap(d -> IntStream.rangeClosed(1, 4).mapToObj(seed -> Arguments.of(d, 1000L * d.ordinal() + seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void recoveryKeepsEveryMessageBeforeTheDamageAndInventsNone(Damage damage, long seed) throws IOException {
        Random random = new Random(seed);
        String queue = createQueue("orders");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String body = String.format("msg-%05d|", i) + "x".repeat(random.nextInt(400));
            send(queue, body);
            sent.add(body);
        }
        engine.close();

        JournalFile file = JournalFile.holding(dataDir, sent.get(MESSAGES - 1));
        long[] starts = file.bodyStarts(sent);
        long offset = starts[0] + (long) (random.nextDouble() * (file.writtenEnd - starts[0]));
        int window = 1 + random.nextInt(64);
        file.damage(damage, offset, window, random);
        int intactBefore = file.wholeRecordsBefore(starts, offset);

        engine = open();

        List<Message> drained = drain(queue);
        assertThat(drained).extracting(Message::body).as("nothing that was not sent").isSubsetOf(sent);
        List<Integer> recovered = drained.stream().map(m -> sent.indexOf(m.body())).sorted().toList();
        assertThat(recovered).as("recovered messages (damage at byte %d of %d)", offset, file.writtenEnd)
                .doesNotHaveDuplicates();
        assertThat(recovered).as("every message whose record ends before the damage")
                .containsAll(IntStream.range(0, intactBefore).boxed().toList());
        if (damage == Damage.GARBLE_WINDOW) {
            int intactAfter = file.firstWholeRecordFrom(starts, offset + window);
            assertThat(recovered).as("every message whose record starts after the damage")
                    .containsAll(IntStream.range(intactAfter, MESSAGES).boxed().toList());
        } else {
            assertThat(recovered).as("a prefix of what was sent")
                    .isEqualTo(IntStream.range(0, recovered.size()).boxed().toList());
        }
        assertThat(engine.recovery().messages()).isEqualTo(recovered.size());

        send(queue, "after the damage");
        engine.close();
        engine = open();
        assertThat(drain(queue)).extracting(Message::body).containsExactly("after the damage");
    }

    @Test
    void aRecordDamagedInsideItsFrameIsLeftOutAndCountedWhileEveryOtherSurvives() throws IOException {
        String queue = createQueue("orders");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(String.format("msg-%05d|", i) + "body of message " + i);
            send(queue, sent.get(i));
        }
        engine.close();
        JournalFile file = JournalFile.holding(dataDir, sent.get(19));
        long inTheBody = file.bodyStarts(sent)[7] + 12; // the journal's own checks see the record's frame intact
        file.flip(inTheBody);

        engine = open();

        assertThat(drain(queue)).extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(sent.stream().filter(b -> !b.equals(sent.get(7))).toList());
        assertThat(engine.recovery().damagedRecords()).isEqualTo(1);
        assertThat(engine.recovery().toString()).contains("1 damaged journal records were left out");
    }

    @Override
    protected LocalEngine open() {
        return LocalEngine.builder().timeSource(clock).dataDir(dataDir).fsync(JournalStorage.Fsync.NEVER).build();
    }

    /** The journal file with the last message, and where its written part ends (the rest is preallocated zeros). */
    private record JournalFile(Path path, byte[] bytes, long writtenEnd) {
        static JournalFile holding(Path dir, String lastBody) throws IOException {
            byte[] needle = lastBody.getBytes(StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".fmq")).sorted(Comparator.reverseOrder()).toList()) {
                    byte[] bytes = Files.readAllBytes(p);
                    if (indexOf(bytes, needle, 0) >= 0) {
                        int end = bytes.length;
                        while (end > 0 && bytes[end - 1] == 0) {
                            end--;
                        }
                        return new JournalFile(p, bytes, end);
                    }
                }
            }
            throw new AssertionError("no journal file in " + dir + " holds the last message");
        }

        /** Where each message's body starts in the file; a record starts a little before its body. */
        long[] bodyStarts(List<String> bodies) {
            long[] starts = new long[bodies.size()];
            int from = 0;
            for (int i = 0; i < bodies.size(); i++) {
                int at = indexOf(bytes, bodies.get(i).substring(0, 10).getBytes(StandardCharsets.UTF_8), from);
                assertThat(at).as("message %d in %s", i, path).isGreaterThanOrEqualTo(0);
                starts[i] = at;
                from = at + 1;
            }
            return starts;
        }

        /** How many messages have their whole record before the offset: message i ends before i + 1's body. */
        int wholeRecordsBefore(long[] starts, long offset) {
            int n = 0;
            while (n < starts.length && (n + 1 < starts.length ? starts[n + 1] : writtenEnd) <= offset) {
                n++;
            }
            return n;
        }

        /** The first message whose whole record lies at or after the offset: the one before it starts there. */
        int firstWholeRecordFrom(long[] starts, long offset) {
            int i = starts.length;
            while (i > 1 && starts[i - 2] >= offset) {
                i--;
            }
            return i;
        }

        void damage(Damage how, long offset, int window, Random random) throws IOException {
            try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
                switch (how) {
                    case ZERO_FILL -> write(f, offset, new byte[(int) (bytes.length - offset)]);
                    case TRUNCATE -> f.setLength(offset);
                    case GARBLE_TAIL -> write(f, offset, randomBytes(random, (int) (writtenEnd - offset)));
                    case GARBLE_WINDOW -> write(f, offset, randomBytes(random, window));
                }
            }
        }

        /** Inverts the bits of one byte: the rot of one sector inside a record. */
        void flip(long offset) throws IOException {
            try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
                write(f, offset, new byte[] {(byte) ~bytes[(int) offset]});
            }
        }

        private static void write(RandomAccessFile f, long offset, byte[] data) throws IOException {
            f.seek(offset);
            f.write(data);
        }

        private static byte[] randomBytes(Random random, int n) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
