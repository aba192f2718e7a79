package io.ferrymq.engine.local;

import io.ferrymq.engine.time.TimeSource;

import java.util.concurrent.Executor;
import java.util.function.Function;

/** What a queue needs from its engine: time, a thread to complete waiting receives on, limits, and its peers. */
record QueueContext(TimeSource time, Executor deliveryExecutor, int inFlightLimit, String senderId,
                    ResourceNames names, Function<String, LocalQueue> queueByArn) {
}
