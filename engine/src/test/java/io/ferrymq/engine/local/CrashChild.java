package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The program {@link CrashRecoveryTest} runs in a child JVM and kills with SIGKILL: it opens a durable engine on the
 * data directory it is given, makes sure the queues exist, and sends, receives, deletes and releases messages from
 * several threads until it is killed. After each action the engine acknowledged it prints one line, written to
 * stdout with a single write so that a kill never leaves half a line but at the very end:
 * <pre>
 * READY
 * SENT  std|fifo     messageId body
 * RECV  std|dlq|fifo messageId receiveCount body
 * DELETING std|fifo  messageId     (about to delete it: if the kill comes first, it may or may not be gone)
 * DEL   std|fifo     messageId      (deleted with a receipt handle that was surely current)
 * DELQ  std          messageId      (acknowledged, but the lease may have lapsed first: it may or may not be gone)
 * KEPT  fifo         messageId      (the delete failed: the lease had lapsed)
 * ERR   text                        (something the engine should not have answered)
 * </pre>
 * Bodies name the message: {@code s-<cycle>-<thread>-<n>-<filler>} on the standard queue,
 * {@code f-<group>-<cycle>-<n>-<filler>} on the FIFO queue, where each group has one producer, so its counters are
 * its send order.
 */
public final class CrashChild {
    static final String STANDARD = "crash-std";
    static final String DEAD_LETTERS = "crash-dlq";
    static final String FIFO = "crash-orders.fifo";
    static final int MAX_RECEIVE_COUNT = 3;
    static final int VISIBILITY_TIMEOUT = 2;
    /** Visible messages a queue may hold before producers wait. */
    static final int MAX_BACKLOG = 200;
    /** However the parent fares, the child does not outlive this. */
    private static final long MAX_LIFETIME_MS = 60_000;

    private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

    private final LocalEngine engine;
    private final int cycle;
    private final long seed;
    private String std;
    private String dlq;
    private String fifo;

    private CrashChild(LocalEngine engine, int cycle, long seed) {
        this.engine = engine;
        this.cycle = cycle;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int cycle = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        exitWithParent();
        LocalEngine engine = LocalEngine.builder().dataDir(dir).fsync(JournalStorage.Fsync.ALWAYS)
                .receivesWaitForLeases(receivesWaitForLeases(cycle)).deliveryExecutor(slowDisk()).build();
        out("RECOVERED " + engine.recovery().queues() + " " + engine.recovery().messages());
        CrashChild child = new CrashChild(engine, cycle, seed);
        child.createQueues();
        out("READY");
        child.run();
    }

    /**
     * Every other cycle runs with receives that wait until their leases are durable: a receive count they report is
     * never lost. The others run as engines do by default, where the last receive of a message before the kill may
     * not have reached the disk (its count may come back one lower); every later change to the journal, such as the
     * release or the next receive two seconds on, makes it durable first.
     */
    static boolean receivesWaitForLeases(int cycle) {
        return cycle % 2 == 0;
    }

    /**
     * Where the journal's completions run, each a little late: as on a slow disk, an acknowledgement then comes a
     * while after the write, so the moments between the steps of a change (a dead-letter move stores the message in
     * the DLQ, then drops it from the source) last long enough for a kill to fall between them now and then.
     */
    private static Executor slowDisk() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-disk");
            t.setDaemon(true);
            return t;
        });
        return task -> pool.execute(() -> {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
    }

    /** Stops when the parent goes away (stdin closes) or after the maximum lifetime. */
    private static void exitWithParent() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (IOException e) {
                // the parent is gone
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(MAX_LIFETIME_MS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(4);
        }, "lifetime");
        timer.setDaemon(true);
        timer.start();
    }

    private void createQueues() {
        dlq = call(engine.createQueue(CreateQueueRequest.of(DEAD_LETTERS)));
        String dlqArn = call(engine.getQueueAttributes(dlq, List.of("QueueArn"))).get("QueueArn");
        std = call(engine.createQueue(CreateQueueRequest.of(STANDARD, Map.of(
                "VisibilityTimeout", Integer.toString(VISIBILITY_TIMEOUT),
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":"
                        + MAX_RECEIVE_COUNT + "}"))));
        fifo = call(engine.createQueue(CreateQueueRequest.of(FIFO, Map.of("FifoQueue", "true",
                "ContentBasedDeduplication", "true", "VisibilityTimeout", Integer.toString(VISIBILITY_TIMEOUT)))));
    }

    private void run() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            threads.add(thread("std-producer-" + p, () -> standardProducer(producer)));
            threads.add(thread("fifo-producer-" + p, () -> fifoProducer(producer)));
        }
        for (int c = 0; c < 2; c++) {
            int consumer = c;
            threads.add(thread("std-consumer-" + c, () -> standardConsumer(consumer)));
        }
        for (int c = 0; c < 2; c++) {
            int consumer = c;
            threads.add(thread("fifo-consumer-" + c, () -> fifoConsumer(consumer)));
        }
        threads.add(thread("dlq-reader", this::deadLetterReader));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    private Thread thread(String name, Runnable body) {
        return new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                out("ERR " + name + " died: " + e.toString().replace('\n', ' '));
            }
        }, name);
    }

    private Random random(int salt) {
        return new Random(seed * 31 + salt);
    }

    // ---- producers ----

    private void standardProducer(int producer) {
        Random rnd = random(producer + 1);
        int n = 0;
        while (true) {
            awaitRoom(std, rnd);
            if (rnd.nextInt(3) == 0) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                int size = 1 + rnd.nextInt(10);
                for (int i = 0; i < size; i++) {
                    entries.add(SendMessageBatchRequestEntry.of("e" + i, body("s", producer, n++)));
                }
                BatchResult<SendMessageBatchResultEntry> r = call(engine.sendMessageBatch(
                        new SendMessageBatchRequest(std, entries)));
                expectNoFailures("SendMessageBatch", r);
                for (SendMessageBatchResultEntry e : r.successful()) {
                    out("SENT std " + e.messageId() + " " + entries.get(Integer.parseInt(e.id().substring(1)))
                            .messageBody());
                }
            } else {
                String body = body("s", producer, n++);
                out("SENT std " + call(engine.sendMessage(SendMessageRequest.of(std, body))).messageId() + " " + body);
            }
            pause(rnd, 4);
        }
    }

    /**
     * Holds a producer back while the queue has a backlog, so consumers keep up: messages handed back come round
     * again soon, and reach maxReceiveCount and the DLQ while the child runs, not only in the parent's drain.
     */
    private void awaitRoom(String queue, Random rnd) {
        while (Integer.parseInt(call(engine.getQueueAttributes(queue, List.of("ApproximateNumberOfMessages")))
                .get("ApproximateNumberOfMessages")) > MAX_BACKLOG) {
            pause(rnd, 20);
        }
    }

    private String body(String kind, int thread, int n) {
        return kind + "-" + cycle + "-" + thread + "-" + n + padding();
    }

    /**
     * Up to 4 KB of filler, so that a run fills several of the journal's 10 MiB files: kills then also come while it
     * moves to a new file, and after it has reclaimed old ones.
     */
    private static String padding() {
        return "-" + "x".repeat(ThreadLocalRandom.current().nextInt(4096));
    }

    /** Each FIFO producer owns two groups and alternates between them, sending one message or a batch at a time. */
    private void fifoProducer(int producer) {
        Random rnd = random(100 + producer);
        String[] groups = {"g" + (2 * producer), "g" + (2 * producer + 1)};
        int[] next = new int[groups.length];
        while (true) {
            awaitRoom(fifo, rnd);
            int g = rnd.nextInt(groups.length);
            String group = groups[g];
            if (rnd.nextInt(3) == 0) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                int size = 1 + rnd.nextInt(5);
                for (int i = 0; i < size; i++) {
                    entries.add(new SendMessageBatchRequestEntry("e" + i, fifoBody(group, next[g]++), null, Map.of(),
                            Map.of(), null, group));
                }
                BatchResult<SendMessageBatchResultEntry> r = call(engine.sendMessageBatch(
                        new SendMessageBatchRequest(fifo, entries)));
                expectNoFailures("SendMessageBatch", r);
                for (SendMessageBatchResultEntry e : r.successful()) {
                    out("SENT fifo " + e.messageId() + " " + entries.get(Integer.parseInt(e.id().substring(1)))
                            .messageBody());
                }
            } else {
                String body = fifoBody(group, next[g]++);
                out("SENT fifo " + call(engine.sendMessage(SendMessageRequest.of(fifo, body)
                        .withMessageGroupId(group))).messageId() + " " + body);
            }
            pause(rnd, 4);
        }
    }

    private String fifoBody(String group, int n) {
        return "f-" + group + "-" + cycle + "-" + n + padding();
    }

    // ---- consumers ----

    /**
     * Receives from the standard queue and, per message, deletes it (half of the time), hands it back at once
     * (ChangeMessageVisibility 0) or lets its lease lapse, so receive counts grow and messages reach the DLQ.
     */
    private void standardConsumer(int consumer) {
        Random rnd = random(200 + consumer);
        while (true) {
            long leasedAt = System.currentTimeMillis(); // no lease of this receive starts earlier
            List<Message> got = call(engine.receiveMessage(ReceiveMessageRequest.of(std)
                    .withMaxNumberOfMessages(1 + rnd.nextInt(10)).withWaitTimeSeconds(rnd.nextInt(2))
                    .withMessageSystemAttributeNames("All"))).messages();
            for (Message m : got) {
                out("RECV std " + m.messageId() + " " + m.receiveCount() + " " + m.body());
            }
            List<Message> toDelete = new ArrayList<>();
            List<Message> toRelease = new ArrayList<>();
            for (Message m : got) {
                int r = rnd.nextInt(10);
                if (r < 5) {
                    toDelete.add(m);
                } else if (r < 8) {
                    toRelease.add(m);
                }
            }
            if (!toDelete.isEmpty()) {
                for (Message m : toDelete) {
                    out("DELETING std " + m.messageId());
                }
                if (rnd.nextBoolean()) {
                    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < toDelete.size(); i++) {
                        entries.add(new DeleteMessageBatchRequestEntry("d" + i, toDelete.get(i).receiptHandle()));
                    }
                    BatchResult<String> r = call(engine.deleteMessageBatch(std, entries));
                    expectNoFailures("DeleteMessageBatch", r);
                    boolean sure = leaseSurelyRan(leasedAt);
                    for (String id : r.successful()) {
                        out((sure ? "DEL std " : "DELQ std ") + toDelete.get(Integer.parseInt(id.substring(1)))
                                .messageId());
                    }
                } else {
                    for (Message m : toDelete) {
                        call(engine.deleteMessage(std, m.receiptHandle()));
                        out((leaseSurelyRan(leasedAt) ? "DEL std " : "DELQ std ") + m.messageId());
                    }
                }
            }
            for (Message m : toRelease) {
                try {
                    call(engine.changeMessageVisibility(std, m.receiptHandle(), 0));
                } catch (EngineException e) {
                    if (e.errorCode() != ErrorCode.MESSAGE_NOT_INFLIGHT) { // the lease lapsed and someone else has it
                        throw e;
                    }
                }
            }
            if (got.isEmpty()) {
                pause(rnd, 20);
            }
        }
    }

    /**
     * On a standard queue a delete with the latest receipt handle succeeds even after the lease lapsed, and one with
     * an older handle succeeds without deleting; so a delete counts as surely done only if it was acknowledged
     * before the lease could have lapsed (the lease started after {@code leasedAt}).
     */
    private static boolean leaseSurelyRan(long leasedAt) {
        return System.currentTimeMillis() < leasedAt + VISIBILITY_TIMEOUT * 1000L - 300;
    }

    /** Receives from the FIFO queue and deletes in order, sometimes handing back the rest of the batch instead. */
    private void fifoConsumer(int consumer) {
        Random rnd = random(300 + consumer);
        while (true) {
            List<Message> got = call(engine.receiveMessage(ReceiveMessageRequest.of(fifo)
                    .withMaxNumberOfMessages(1 + rnd.nextInt(10)).withWaitTimeSeconds(rnd.nextInt(2))
                    .withMessageSystemAttributeNames("All"))).messages();
            for (Message m : got) {
                out("RECV fifo " + m.messageId() + " " + m.receiveCount() + " " + m.body());
            }
            int i = 0;
            for (; i < got.size(); i++) {
                int r = rnd.nextInt(10);
                if (r >= 7) {
                    break;
                }
                Message m = got.get(i);
                out("DELETING fifo " + m.messageId());
                try {
                    call(engine.deleteMessage(fifo, m.receiptHandle()));
                } catch (EngineException e) {
                    if (e.errorCode() != ErrorCode.INVALID_PARAMETER_VALUE) {
                        throw e;
                    }
                    out("KEPT fifo " + m.messageId());
                    break; // the lease lapsed: a FIFO delete then fails, so an acknowledged one surely deleted
                }
                out("DEL fifo " + m.messageId());
            }
            if (i < got.size() && rnd.nextInt(3) > 0) { // else their leases lapse
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (int j = i; j < got.size(); j++) {
                    entries.add(new ChangeMessageVisibilityBatchRequestEntry("c" + j, got.get(j).receiptHandle(), 0));
                }
                call(engine.changeMessageVisibilityBatch(fifo, entries));
            }
            if (got.isEmpty()) {
                pause(rnd, 20);
            }
        }
    }

    /** Reads the DLQ without deleting, so its messages' receive counts go on growing there. */
    private void deadLetterReader() {
        Random rnd = random(400);
        while (true) {
            List<Message> got = call(engine.receiveMessage(ReceiveMessageRequest.of(dlq).withMaxNumberOfMessages(10)
                    .withVisibilityTimeout(1).withMessageSystemAttributeNames("All"))).messages();
            for (Message m : got) {
                out("RECV dlq " + m.messageId() + " " + m.receiveCount() + " " + m.body());
            }
            pause(rnd, 50);
        }
    }

    // ---- helpers ----

    private static void expectNoFailures(String action, BatchResult<?> r) {
        if (!r.failed().isEmpty()) {
            out("ERR " + action + " failed entries: " + r.failed());
        }
    }

    private static void pause(Random rnd, int maxMillis) {
        try {
            Thread.sleep(rnd.nextInt(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T call(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the engine did not answer", e);
        }
    }

    /** One line, one write(2): the parent sees whole lines only, but for the one a kill may cut. */
    static void out(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (STDOUT) {
            try {
                STDOUT.write(bytes);
            } catch (IOException e) {
                Runtime.getRuntime().halt(5); // the parent is gone
            }
        }
    }
}
