package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.time.TimeSource;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A long-poll receive parked on a queue until a message arrives or its deadline passes. Cancelling its future
 * withdraws it from the queue at once.
 */
final class Waiter {
    final ReceiveOptions options;
    final CompletableFuture<ReceiveMessageResult> future;
    TimeSource.Timer deadline;
    /** A selective receive: the queue's offer clock when it last looked (it has seen every candidate up to there). */
    long seen;

    Waiter(ReceiveOptions options, Consumer<Waiter> withdraw) {
        this.options = options;
        this.future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                if (cancelled) {
                    withdraw.accept(Waiter.this);
                }
                return cancelled;
            }
        };
    }
}
