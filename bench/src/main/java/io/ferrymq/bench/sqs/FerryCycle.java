package io.ferrymq.bench.sqs;

import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.DeleteMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;

/** FerryMQ's LocalEngine in memory, through its Java API (the Engine SPI): no HTTP, no serialization. */
final class FerryCycle implements SqsCycle {
    private static final String[] IDS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private final LocalEngine engine = LocalEngine.create();
    private final String url;
    private final SendMessageBatchRequest send;

    FerryCycle() throws Exception {
        url = engine.createQueue(CreateQueueRequest.of("bench")).get();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (String id : IDS) {
            entries.add(SendMessageBatchRequestEntry.of(id, BODY));
        }
        send = new SendMessageBatchRequest(url, entries);
    }

    @Override
    public void sendBatch10() {
        BatchResult<?> result = engine.sendMessageBatch(send).join();
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException("SendMessageBatch failed: " + result.failed());
        }
    }

    @Override
    public int receive(int max, List<String> receipts) {
        List<Message> got = engine.receiveMessage(ReceiveMessageRequest.of(url).withMaxNumberOfMessages(max)
                .withWaitTimeSeconds(1)).join().messages();
        for (Message m : got) {
            receipts.add(m.receiptHandle());
        }
        return got.size();
    }

    @Override
    public void deleteBatch(List<String> receipts) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            entries.add(new DeleteMessageBatchRequestEntry(IDS[i], receipts.get(i)));
        }
        BatchResult<?> result = engine.deleteMessageBatch(url, entries).join();
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException("DeleteMessageBatch failed: " + result.failed());
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
