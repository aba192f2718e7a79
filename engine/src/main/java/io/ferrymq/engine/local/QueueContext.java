package io.ferrymq.engine.local;

import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.time.TimeSource;

import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What a queue needs from its engine: time, a thread to complete waiting receives on, limits, its peers, and the
 * storage its changes go to, and whether a receive answers only once the leases it took are durable.
 */
record QueueContext(TimeSource time, Executor deliveryExecutor, int inFlightLimit, String senderId,
                    ResourceNames names, Function<String, LocalQueue> queueByArn, Storage storage,
                    boolean receivesWaitForLeases) {
}
