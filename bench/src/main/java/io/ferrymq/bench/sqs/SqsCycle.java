package io.ferrymq.bench.sqs;

import java.util.List;

/**
 * One system's SQS actions as workload 4 uses them, on one standard queue: SendMessageBatch of 10, ReceiveMessage of
 * up to 10 with a long poll, DeleteMessageBatch. Each implementation does what its system's SQS API does for those
 * actions, results included (message ids, MD5 digests of bodies); shared by all benchmark threads (thread-safe).
 */
interface SqsCycle extends AutoCloseable {
    /** A 1 KiB body, the same for every system: printable ASCII, not one repeated character. */
    String BODY = body(1024);

    /** Sends the ten bodies of {@link #BODY} in one SendMessageBatch and waits for its answer. */
    void sendBatch10() throws Exception;

    /** Receives up to {@code max} messages (long poll of 1 s) and adds their receipt handles to {@code receipts}. */
    int receive(int max, List<String> receipts) throws Exception;

    /** Deletes the messages of these receipt handles (at most 10) in one DeleteMessageBatch and waits for it. */
    void deleteBatch(List<String> receipts) throws Exception;

    @Override
    void close();

    /** The system named by the benchmark's {@code system} parameter. */
    static SqsCycle open(String system) throws Exception {
        return switch (system) {
            case "ferrymq" -> new FerryCycle();
            case "elasticmq" -> new ElasticMqActorCycle();
            case "elasticmq-rest" -> new ElasticMqRestCycle();
            default -> throw new IllegalArgumentException("unknown system " + system);
        };
    }

    private static String body(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + (i * 7) % 26));
        }
        return b.toString();
    }
}
