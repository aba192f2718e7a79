package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.time.TimeSource;

import java.util.concurrent.CompletableFuture;

/** A long-poll receive parked on a queue until a message arrives or its deadline passes. */
final class Waiter {
    final ReceiveOptions options;
    final CompletableFuture<ReceiveMessageResult> future = new CompletableFuture<>();
    TimeSource.Timer deadline;

    Waiter(ReceiveOptions options) {
        this.options = options;
    }
}
