package io.ferrymq.engine.perf;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rough, single-process figure for LocalEngine's hot path until the bench module exists: producers send batches
 * of 10 x 1 KiB, consumers long-poll batches of 10 and delete them in a batch. Not a test; prints messages/second.
 * Run: mvn -q -pl engine test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test
 *        -Dexec.mainClass=io.ferrymq.engine.perf.ThroughputProbe -Dexec.args="4 4 400000"
 */
public final class ThroughputProbe {
    private ThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        int producers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int consumers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 400_000;
        for (int round = 1; round <= 3; round++) {
            try (Engine engine = LocalEngine.create()) {
                System.out.printf("round %d: %,.0f messages/s (send+receive+delete, %d producers, %d consumers)%n",
                        round, run(engine, producers, consumers, total), producers, consumers);
            }
        }
    }

    static double run(Engine engine, int producers, int consumers, int total) throws Exception {
        String url = engine.createQueue(CreateQueueRequest.of("probe")).get();
        String body = "x".repeat(1024);
        ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
        AtomicLong consumed = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            work.add(pool.submit(() -> {
                List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.add(SendMessageBatchRequestEntry.of("e" + i, body));
                }
                for (int sent = 0; sent < total / producers; sent += 10) {
                    engine.sendMessageBatch(new SendMessageBatchRequest(url, batch)).join();
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            work.add(pool.submit(() -> {
                ReceiveMessageRequest receive = ReceiveMessageRequest.of(url).withMaxNumberOfMessages(10)
                        .withWaitTimeSeconds(1);
                while (consumed.get() < total) {
                    List<Message> got = engine.receiveMessage(receive).join().messages();
                    if (got.isEmpty()) {
                        continue;
                    }
                    List<DeleteMessageBatchRequestEntry> acks = new ArrayList<>(got.size());
                    for (int i = 0; i < got.size(); i++) {
                        acks.add(new DeleteMessageBatchRequestEntry("d" + i, got.get(i).receiptHandle()));
                    }
                    engine.deleteMessageBatch(url, acks).join();
                    consumed.addAndGet(got.size());
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }
}
