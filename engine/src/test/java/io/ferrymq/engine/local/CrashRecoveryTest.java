package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Crash recovery for real: {@link CrashChild} runs a durable engine in a child JVM and drives sends, receives,
 * deletes and releases from several threads, printing each action the engine acknowledged; this test kills it with
 * SIGKILL at a random moment, over and over, each time restarting it on the same data directory. After every kill it
 * opens an engine on a copy of the directory (so its own receives do not change what the next child finds), drains
 * every queue on a clock an hour ahead (so every lease has lapsed), and checks against all acknowledgements so far:
 * <ul>
 *     <li>every acknowledged send, and every message a receive returned, is still there (queued, in flight or in
 *     the DLQ) unless it was deleted;</li>
 *     <li>no acknowledged delete comes back;</li>
 *     <li>receive counts never go down: not below any count a receive reported, nor below what the previous
 *     recovery found; and no message in the source queue is past maxReceiveCount;</li>
 *     <li>within each FIFO group the messages left come out in send order.</li>
 * </ul>
 * The seed is printed; {@code -Dferrymq.crash.seed=...} replays the same kill schedule (the child's threads still race).
 */
class CrashRecoveryTest {
    /**
     * 12 by default, which takes about 20 s; {@code -Dferrymq.crash.cycles=200} makes a soak test of it (with
     * {@code -Djunit.jupiter.execution.timeout.mode=disabled}).
     */
    private static final int CYCLES = Integer.getInteger("ferrymq.crash.cycles", 12);
    /** Of the cycles, these many kill at a random moment after start, which may be during recovery or queue setup. */
    private static final int EARLY_KILLS = 2;
    private static final long CHILD_START_TIMEOUT_MS = 30_000;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang; the test takes well under a minute
    void acknowledgedWorkSurvivesSigkillAtRandomMoments() throws Exception {
        long seed = Long.getLong("ferrymq.crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed " + seed);
        Random rnd = new Random(seed);
        Set<Integer> early = new HashSet<>();
        while (early.size() < EARLY_KILLS) {
            early.add(2 + rnd.nextInt(CYCLES - 1));
        }
        Path data = work.resolve("data");
        History history = new History();
        int cyclesWithTraffic = 0; // killed amid acknowledged sends and receives
        long started = System.nanoTime();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            boolean killEarly = early.contains(cycle);
            long runFor = killEarly ? 50 + rnd.nextInt(700) : 300 + rnd.nextInt(1200);
            Path stderr = work.resolve("child-" + cycle + ".err");
            long t0 = System.nanoTime();
            List<String> lines;
            try (Child child = Child.start(data, cycle, rnd.nextLong(), stderr)) {
                if (!killEarly) {
                    child.awaitLine("READY", CHILD_START_TIMEOUT_MS);
                }
                child.runFor(runFor);
                lines = child.kill();
            }
            long ran = (System.nanoTime() - t0) / 1_000_000;
            Counts counts = history.apply(lines);
            if (counts.sent + counts.received > 0) {
                cyclesWithTraffic++;
            }
            long t1 = System.nanoTime();
            Inspection seen = inspect(copyOf(data, work.resolve("inspect-" + cycle)));
            List<String> violations = history.check(seen);
            System.out.printf("cycle %2d: %s kill after %4d ms (child ran %4d ms); acknowledged %s;"
                            + " recovered std=%d dlq=%d fifo=%d (%s); journal files %s; inspected in %d ms%n", cycle,
                    killEarly ? "early" : "     ", runFor, ran, counts, seen.count("std"), seen.count("dlq"),
                    seen.count("fifo"), seen.recovery, journalFiles(data), (System.nanoTime() - t1) / 1_000_000);
            if (!violations.isEmpty() || !history.errors.isEmpty()) {
                keepEvidence(seed, cycle, data, history);
            }
            assertThat(history.errors).as("errors the child saw (stderr in %s)", stderr).isEmpty();
            assertThat(violations).as("after kill %d of %d (seed %d)", cycle, CYCLES, seed).isEmpty();
        }
        System.out.printf("CrashRecoveryTest: %d cycles in %d ms; %s%n", CYCLES,
                (System.nanoTime() - started) / 1_000_000, history.totals());
        assertThat(cyclesWithTraffic).as("cycles killed amid traffic")
                .isGreaterThanOrEqualTo(Math.min(10, CYCLES - EARLY_KILLS));
        assertThat(history.totals.sent).as("sends").isPositive();
        assertThat(history.totals.deleted).as("deletes").isPositive();
        assertThat(history.deadLettered).as("messages found in the DLQ").isNotEmpty();
    }

    /**
     * A post-mortem: {@code -Dferrymq.crash.evidence=target/crash-recovery/seed-S-cycle-C} checks what a failed run
     * kept (its transcript, and the data directory as the kill left it) again, against the engine as it is now.
     */
    @Test
    @EnabledIfSystemProperty(named = "ferrymq.crash.evidence", matches = ".+")
    void keptEvidenceReplays() throws Exception {
        Path evidence = Path.of(System.getProperty("ferrymq.crash.evidence"));
        History history = new History();
        Map<Integer, List<String>> byCycle = new TreeMap<>();
        for (String line : Files.readAllLines(evidence.resolve("children.txt"))) {
            int space = line.indexOf(' ');
            byCycle.computeIfAbsent(Integer.parseInt(line.substring(0, space)), k -> new ArrayList<>())
                    .add(line.substring(space + 1));
        }
        int last = byCycle.keySet().stream().max(Integer::compare).orElse(0);
        for (int cycle = 1; cycle <= last; cycle++) { // a cycle killed before it printed anything has no lines
            history.apply(byCycle.getOrDefault(cycle, List.of()));
        }
        Inspection seen = inspect(copyOf(evidence.resolve("data"), work.resolve("inspect")));
        assertThat(history.errors).as("errors the children saw").isEmpty();
        assertThat(history.check(seen)).as("after the kill of cycle %d, replayed from %s", last, evidence).isEmpty();
    }

    /**
     * Every line the child printed before the kill reaches the transcript, however far the reader lags behind: the
     * child prints before it acts (RECV, then DELETING, then the delete), so a line lost at the end leaves the parent
     * with an acknowledged send whose delete it never heard of, "lost" after the restart.
     */
    @Test
    void killKeepsEveryLineTheChildPrintedBeforeIt() throws Exception {
        Path printed = work.resolve("printed");
        try (Child child = Child.start(Child.javaCommand(Printer.class, "300", printed.toString()),
                work.resolve("printer.err"), false)) {
            long deadline = System.currentTimeMillis() + CHILD_START_TIMEOUT_MS;
            while (!Files.exists(printed)) { // then every line is in the pipe, none of it read yet
                assertThat(System.currentTimeMillis()).as("the printer finished").isLessThan(deadline);
                Thread.sleep(10);
            }
            List<String> lines = child.kill();
            assertThat(lines).hasSize(300);
            assertThat(lines.get(0)).startsWith("line 0 ");
            assertThat(lines.get(299)).startsWith("line 299 ");
        }
    }

    /** Prints numbered lines as {@link CrashChild} does, says so in the file it is given, and waits for its end. */
    public static final class Printer {
        public static void main(String[] args) throws Exception {
            int n = Integer.parseInt(args[0]);
            for (int i = 0; i < n; i++) {
                CrashChild.out("line " + i + " " + "x".repeat(100)); // 300 of them fill half a 64 KiB pipe
            }
            Files.createFile(Path.of(args[1]));
            Thread.sleep(60_000);
        }
    }

    // ---- the child process ----

    /** A running {@link CrashChild}: its stdout read line by line as it comes, its stderr in a file. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final Path stderr;
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;
        private volatile IOException readFailure;

        private Child(Process process, Path stderr, boolean readNow) {
            this.process = process;
            this.stderr = stderr;
            this.reader = new Thread(this::read, "crash-child-stdout");
            reader.setDaemon(true);
            if (readNow) {
                reader.start();
            }
        }

        static Child start(Path data, int cycle, long seed, Path stderr) throws IOException {
            return start(javaCommand(CrashChild.class, data.toString(), Integer.toString(cycle), Long.toString(seed)),
                    stderr, true);
        }

        /**
         * Starts {@code command}; with {@code readNow} false its stdout is read only from {@link #kill} on, as by a
         * reader that fell behind on a loaded machine.
         */
        static Child start(List<String> command, Path stderr, boolean readNow) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectError(stderr.toFile());
            return new Child(pb.start(), stderr, readNow);
        }

        /** A JVM like this one running {@code main}. */
        static List<String> javaCommand(Class<?> main, String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    main.getName()));
            command.addAll(List.of(args));
            return command;
        }

        /** Keeps complete lines only: a kill may cut the last one. */
        private void read() {
            byte[] buf = new byte[64 * 1024];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    List<String> complete = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            complete.add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buf[i]);
                        }
                    }
                    synchronized (lines) {
                        lines.addAll(complete);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                readFailure = e; // a stream closed under the reader: the lines still in it are lost
            }
        }

        /** Waits until the child printed {@code expected}; it must stay alive meanwhile. */
        void awaitLine(String expected, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            synchronized (lines) {
                while (!lines.contains(expected)) {
                    assertAlive();
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        fail("the child did not print " + expected + " within " + timeoutMs + " ms; stderr: "
                                + stderrText());
                    }
                    lines.wait(Math.min(left, 50));
                }
            }
        }

        /** Lets the child work for this long (watching that it does not die on its own). */
        void runFor(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            synchronized (lines) {
                long left;
                while ((left = deadline - System.currentTimeMillis()) > 0) {
                    assertAlive();
                    lines.wait(Math.min(left, 50));
                }
            }
            assertAlive();
        }

        private void assertAlive() {
            if (!process.isAlive()) {
                fail("the child exited by itself with " + process.exitValue() + "; stderr: " + stderrText());
            }
        }

        /**
         * SIGKILL, then every complete line it printed: the reader goes on to the end of the pipe. The signal goes
         * through the process handle, since {@link Process#destroyForcibly()} also closes the pipe as it signals,
         * dropping whatever the child wrote that the reader had not read yet.
         */
        List<String> kill() throws InterruptedException {
            process.toHandle().destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the child died").isTrue();
            assertThat(process.exitValue()).as("exit status of a SIGKILLed child").isEqualTo(128 + 9);
            if (reader.getState() == Thread.State.NEW) {
                reader.start();
            }
            reader.join(10_000);
            assertThat(reader.isAlive()).as("the child's stdout closed").isFalse();
            assertThat(readFailure).as("reading the child's stdout failed").isNull();
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        private String stderrText() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    // ---- what the children were told ----

    /** What one cycle's child had acknowledged. */
    private static final class Counts {
        int sent;
        int received;
        int deleted;
        int maybeDeleted;

        void add(Counts c) {
            sent += c.sent;
            received += c.received;
            deleted += c.deleted;
            maybeDeleted += c.maybeDeleted;
        }

        @Override
        public String toString() {
            return String.format("sent %5d, received %5d, deleted %5d (+%d perhaps)", sent, received, deleted,
                    maybeDeleted);
        }
    }

    /** Everything acknowledged so far, over all children, and what the last inspection found. */
    private static final class History {
        /** Message id to the queue it was sent to or received from ("std", "dlq", "fifo"). */
        final Map<String, String> mustExistIn = new HashMap<>();
        final Set<String> deleted = new HashSet<>();
        /** Deleted, perhaps: acknowledged after the lease may have lapsed, or under way at the kill. */
        final Set<String> maybeDeleted = new HashSet<>();
        private final Set<String> deleting = new HashSet<>();
        final Map<String, Integer> highestReceiveCount = new HashMap<>();
        final Map<String, Integer> lastRecoveredCount = new HashMap<>();
        final List<String> errors = new ArrayList<>();
        final Counts totals = new Counts();
        /** Messages any recovery found in the DLQ. */
        final Set<String> deadLettered = new HashSet<>();

        /** What the children said about each message, for the report of a violation. */
        final Map<String, List<String>> said = new HashMap<>();
        int cycle;

        /** Every line the children printed, after the number of the cycle. */
        final List<String> transcript = new ArrayList<>();

        Counts apply(List<String> lines) {
            Counts c = new Counts();
            cycle++;
            for (String line : lines) {
                transcript.add(cycle + " " + line);
            }
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f.length > 2 && !f[0].equals("ERR")) {
                    said.computeIfAbsent(f[2], k -> new ArrayList<>()).add(cycle + ": " + abbreviated(line));
                }
                switch (f[0]) {
                    case "SENT" -> {
                        c.sent++;
                        mustExistIn.putIfAbsent(f[2], f[1]);
                    }
                    case "RECV" -> {
                        c.received++;
                        mustExistIn.putIfAbsent(f[2], f[1]);
                        int count = Integer.parseInt(f[3]);
                        int surelyKept = CrashChild.receivesWaitForLeases(cycle) ? count : count - 1;
                        highestReceiveCount.merge(f[2], surelyKept, Math::max);
                    }
                    case "DELETING" -> deleting.add(f[2]);
                    case "DEL" -> {
                        c.deleted++;
                        deleted.add(f[2]);
                        deleting.remove(f[2]);
                    }
                    case "DELQ" -> {
                        c.maybeDeleted++;
                        maybeDeleted.add(f[2]);
                        deleting.remove(f[2]);
                    }
                    case "KEPT" -> deleting.remove(f[2]);
                    case "ERR" -> errors.add(line);
                    case "READY", "RECOVERED" -> {
                    }
                    default -> errors.add("unexpected line: " + line);
                }
            }
            // deletes under way at the kill: durable or not, nobody can tell
            c.maybeDeleted += deleting.size();
            maybeDeleted.addAll(deleting);
            deleting.clear();
            totals.add(c);
            return c;
        }

        String totals() {
            return "acknowledged in all: " + totals + "; messages found in the DLQ: " + deadLettered.size();
        }

        List<String> check(Inspection seen) {
            List<String> violations = new ArrayList<>();
            // every acknowledged send, and every message a receive returned, is still there unless deleted
            mustExistIn.forEach((id, queue) -> {
                if (deleted.contains(id) || maybeDeleted.contains(id)) {
                    return;
                }
                List<Seen> copies = seen.byId.getOrDefault(id, List.of());
                boolean found = copies.stream().anyMatch(s -> s.queue.equals(queue)
                        || s.queue.equals("dlq") && queue.equals("std"));
                if (!found) {
                    violations.add("acknowledged message " + id + " (" + queue + ") is lost; found " + copies);
                }
            });
            // no acknowledged delete comes back
            for (String id : deleted) {
                if (seen.byId.containsKey(id)) {
                    violations.add("deleted message " + id + " came back: " + seen.byId.get(id));
                }
            }
            seen.byId.forEach((id, copies) -> {
                int count = copies.stream().mapToInt(s -> s.receiveCount).max().orElseThrow();
                Integer received = highestReceiveCount.get(id);
                if (received != null && count < received) {
                    violations.add("receive count of " + id + " went down: the receives reported at least " + received
                            + ", recovery found " + copies);
                }
                Integer before = lastRecoveredCount.put(id, count);
                if (before != null && count < before) {
                    violations.add("receive count of " + id + " went down: the previous recovery found " + before
                            + ", this one " + copies);
                }
                for (Seen s : copies) {
                    if (s.queue.equals("std") && s.receiveCount > CrashChild.MAX_RECEIVE_COUNT) {
                        violations.add("message " + id + " is past maxReceiveCount in the source queue: " + s);
                    }
                }
                if (copies.size() > 1) { // recovery ends a dead-letter move a crash interrupted
                    violations.add("message " + id + " is there more than once: " + copies);
                }
                if (copies.stream().anyMatch(s -> s.queue.equals("dlq"))) {
                    deadLettered.add(id);
                }
            });
            // FIFO: in each group, the messages left come out in send order
            seen.fifoGroups.forEach((group, inOrder) -> {
                for (int i = 1; i < inOrder.size(); i++) {
                    Seen a = inOrder.get(i - 1);
                    Seen b = inOrder.get(i);
                    if (FIFO_ORDER.compare(a, b) >= 0) {
                        violations.add("FIFO group " + group + " out of order: " + a + " before " + b);
                    }
                    if (a.sequenceNumber.compareTo(b.sequenceNumber) >= 0) {
                        violations.add("FIFO group " + group + " sequence numbers out of order: " + a + ", " + b);
                    }
                }
                for (Seen s : inOrder) {
                    if (!s.body.startsWith("f-" + group + "-")) {
                        violations.add("message " + s + " came out in group " + group);
                    }
                }
            });
            if (seen.recovery.messages() != seen.total()) {
                violations.add("recovery reported " + seen.recovery.messages() + " messages, the queues held "
                        + seen.total());
            }
            List<String> shown = new ArrayList<>(violations.size() > 30 ? violations.subList(0, 30) : violations);
            for (int i = 0; i < shown.size(); i++) {
                java.util.regex.Matcher id = MESSAGE_ID.matcher(shown.get(i));
                if (id.find()) {
                    shown.set(i, shown.get(i) + "; the children said " + said.getOrDefault(id.group(), List.of()));
                }
            }
            return shown;
        }
    }

    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** FIFO bodies are f-group-cycle-n: send order is (cycle, n). */
    private static final Comparator<Seen> FIFO_ORDER = Comparator
            .<Seen>comparingInt(s -> Integer.parseInt(s.body.split("-")[2]))
            .thenComparingInt(s -> Integer.parseInt(s.body.split("-")[3]));

    // ---- what a restart finds ----

    /** One message as recovery found it; {@code receiveCount} as stored (the inspection's own receive not counted). */
    private record Seen(String queue, String id, String body, int receiveCount, String sequenceNumber) {
        @Override
        public String toString() {
            return queue + " " + id + " " + abbreviated(body) + " received " + receiveCount
                    + (sequenceNumber == null ? "" : " seq " + sequenceNumber);
        }
    }

    /** Without the filler at the end of bodies. */
    private static String abbreviated(String text) {
        return text.replaceAll("-x+", "-x…");
    }

    private static final class Inspection {
        RecoveryReport recovery;
        final Map<String, List<Seen>> byId = new HashMap<>();
        final Map<String, List<Seen>> fifoGroups = new LinkedHashMap<>();
        final Map<String, Integer> counts = new HashMap<>();

        void add(Seen s, String group) {
            byId.computeIfAbsent(s.id, k -> new ArrayList<>()).add(s);
            counts.merge(s.queue, 1, Integer::sum);
            if (group != null) {
                fifoGroups.computeIfAbsent(group, k -> new ArrayList<>()).add(s);
            }
        }

        int count(String queue) {
            return counts.getOrDefault(queue, 0);
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Restarts an engine on the directory with a clock an hour ahead, so every lease has lapsed, and drains each
     * queue: the standard ones with long leases (the source queue's RedrivePolicy removed first, so messages at
     * maxReceiveCount show up instead of moving), the FIFO one deleting as it goes so each group comes out whole.
     */
    private static Inspection inspect(Path dir) throws IOException {
        Inspection seen = new Inspection();
        ManualTimeSource clock = new ManualTimeSource(Instant.ofEpochMilli(System.currentTimeMillis() + 3_600_000));
        try (LocalEngine engine = LocalEngine.builder().timeSource(clock).dataDir(dir)
                .fsync(JournalStorage.Fsync.NEVER).build()) {
            seen.recovery = engine.recovery();
            String std = queueUrl(engine, CrashChild.STANDARD);
            if (std != null) {
                await(engine.setQueueAttributes(std, Map.of("RedrivePolicy", "")));
                drain(engine, std, "std", false, seen);
            }
            String dlq = queueUrl(engine, CrashChild.DEAD_LETTERS);
            if (dlq != null) {
                drain(engine, dlq, "dlq", false, seen);
            }
            String fifo = queueUrl(engine, CrashChild.FIFO);
            if (fifo != null) {
                drain(engine, fifo, "fifo", true, seen);
            }
        }
        deleteTree(dir);
        return seen;
    }

    private static void drain(LocalEngine engine, String url, String queue, boolean fifo, Inspection seen) {
        for (int round = 0; ; round++) {
            assertThat(round).as("rounds to drain %s", queue).isLessThan(1_000_000);
            List<Message> got = await(engine.receiveMessage(ReceiveMessageRequest.of(url).withMaxNumberOfMessages(10)
                    .withVisibilityTimeout(43_200).withWaitTimeSeconds(0).withMessageSystemAttributeNames("All")))
                    .messages();
            if (got.isEmpty()) {
                return;
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message m : got) {
                seen.add(new Seen(queue, m.messageId(), m.body(), m.receiveCount() - 1,
                        m.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER)),
                        fifo ? m.attributes().get("MessageGroupId") : null);
                done.add(new DeleteMessageBatchRequestEntry("d" + done.size(), m.receiptHandle()));
            }
            if (fifo) {
                assertThat(await(engine.deleteMessageBatch(url, done)).failed()).isEmpty();
            }
        }
    }

    private static String queueUrl(LocalEngine engine, String name) {
        try {
            return await(engine.getQueueUrl(name, null));
        } catch (io.ferrymq.engine.EngineException e) {
            return null; // the child was killed before it made the queue
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the engine did not answer", e);
        }
    }

    // ---- files ----

    /**
     * Keeps what a failure needs for its post-mortem under target/crash-recovery/: the data directory as the kill
     * left it, what each child printed, and the children's stderr.
     */
    private void keepEvidence(long seed, int cycle, Path data, History history) throws IOException {
        Path keep = Path.of(System.getProperty("basedir", "."), "target", "crash-recovery",
                "seed-" + seed + "-cycle-" + cycle);
        copyOf(data, keep.resolve("data"));
        Files.write(keep.resolve("children.txt"), history.transcript);
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".err"))::iterator) {
                Files.copy(f, keep.resolve(f.getFileName()));
            }
        }
        System.out.println("CrashRecoveryTest: evidence kept in " + keep.toAbsolutePath());
    }

    /** The journal's files, by the id in their names (which grows as files are taken into use). */
    private static List<String> journalFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".fmq")).sorted().toList();
        }
    }

    /** The child is dead, so the directory holds still while it is copied. */
    private static Path copyOf(Path dir, Path copy) throws IOException {
        Files.createDirectories(copy);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        return copy;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
