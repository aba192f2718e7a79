package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.local.storage.JournalStorage;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.sqs.SendMessageResult;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk fills up under the journal (a {@link FullDisk} file layer). Sends then fail with a clear error instead of
 * hanging or pretending, later changes (sends, receives) fail the same way, and a restart on a healthy disk finds
 * every send that was acknowledged. Every wait is bounded (EngineFixture.await), so a lost completion fails the test.
 * A second engine on a locked data directory: DurableQueuesTest.
 */
class StorageFailureTest extends EngineFixture {
    private static final long BUDGET = 64 * 1024;
    private static final String BODY = "x".repeat(1000);

    @TempDir
    Path dataDir;

    @BeforeEach
    void stopMemoryEngine() {
        engine.close();
    }

    @AfterEach
    void stopDurableEngine() {
        engine.close();
    }

    @ParameterizedTest
    @EnumSource(JournalStorage.Fsync.class)
    void sendsFailClearlyOnceTheDiskIsFullAndEveryAcknowledgedOneSurvivesARestart(JournalStorage.Fsync fsync) {
        FullDisk disk = new FullDisk(BUDGET);
        engine = open(disk, fsync);
        String queue = createQueue("orders");
        List<String> acknowledged = new ArrayList<>();
        EngineException refused = null;
        for (int i = 0; i < 1_000 && refused == null; i++) {
            CompletableFuture<SendMessageResult> sent = engine.sendMessage(SendMessageRequest.of(queue, i + BODY));
            try {
                await(sent);
                acknowledged.add(i + BODY);
            } catch (EngineException e) {
                refused = e;
            }
        }
        assertThat(disk.isFull()).as("the disk filled").isTrue();
        assertClear(refused);
        assertThat(acknowledged).as("sends acknowledged before the disk filled").hasSizeGreaterThan(10);

        assertClear(failure(engine.sendMessage(SendMessageRequest.of(queue, "later"))));
        assertClear(failure(engine.sendMessageBatch(new SendMessageBatchRequest(queue,
                List.of(SendMessageBatchRequestEntry.of("a", "later a"), SendMessageBatchRequestEntry.of("b", "b"))))));
        assertClear(failure(engine.receiveMessage(ReceiveMessageRequest.of(queue).withMaxNumberOfMessages(10))));
        engine.close();

        engine = open(UnaryOperator.identity(), fsync);
        assertThat(drain(queue)).extracting(Message::body).containsExactlyInAnyOrderElementsOf(acknowledged);
        send(queue, "after the restart");
        engine.close();
        engine = open(UnaryOperator.identity(), fsync);
        assertThat(drain(queue)).extracting(Message::body).containsExactly("after the restart");
    }

    @ParameterizedTest
    @EnumSource(JournalStorage.Fsync.class)
    void concurrentSendsAllAnswerWhenTheDiskFillsAndNoAcknowledgedOneIsLost(JournalStorage.Fsync fsync) {
        engine = open(new FullDisk(BUDGET), fsync);
        String queue = createQueue("orders");
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> batch = List.of("m" + i + "a" + BODY, "m" + i + "b" + BODY);
            bodies.add(batch);
            sends.add(i % 2 == 0 ? engine.sendMessage(SendMessageRequest.of(queue, batch.get(0)))
                    : engine.sendMessageBatch(new SendMessageBatchRequest(queue, List.of(
                            SendMessageBatchRequestEntry.of("a", batch.get(0)),
                            SendMessageBatchRequestEntry.of("b", batch.get(1))))));
        }
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            List<String> mine = i % 2 == 0 ? bodies.get(i).subList(0, 1) : bodies.get(i);
            try {
                if (await(sends.get(i)) instanceof BatchResult<?> batch) {
                    assertThat(batch.failed()).as("a batch is durable as a whole or fails as a whole").isEmpty();
                }
                acknowledged.addAll(mine);
            } catch (EngineException e) {
                assertClear(e);
                refused.addAll(mine);
            }
        }
        assertThat(refused).as("sends refused once the disk filled").isNotEmpty();
        engine.close();

        engine = open(UnaryOperator.identity(), fsync);
        List<String> recovered = drain(queue).stream().map(Message::body).toList();
        assertThat(recovered).as("every acknowledged send").containsAll(acknowledged)
                .as("nothing but what was sent").allMatch(b -> acknowledged.contains(b) || refused.contains(b))
                .doesNotHaveDuplicates();
        for (int i = 1; i < bodies.size(); i += 2) {
            assertThat(bodies.get(i).stream().filter(recovered::contains).count())
                    .as("a refused batch comes back whole or not at all: %s", bodies.get(i)).isIn(0L, 2L);
        }
    }

    private LocalEngine open(UnaryOperator<SequentialFileFactory> layer, JournalStorage.Fsync fsync) {
        return LocalEngine.builder().timeSource(clock).dataDir(dataDir).fsync(fsync)
                .journalFileLayer(layer).build();
    }

    private void assertClear(EngineException e) {
        assertThat(e).as("a change refused once the disk filled").isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("FerryMQ stopped accepting changes", dataDir.toString(), FullDisk.NO_SPACE);
    }
}
