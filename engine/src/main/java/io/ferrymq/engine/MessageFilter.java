package io.ferrymq.engine;

import io.ferrymq.engine.sqs.Message;

/**
 * Which messages a selective receive may take ({@link Capability#SELECTIVE_RECEIVE}). The engine calls it under a
 * queue's lock with the message as it would be delivered (no receipt handle yet), so it must be quick, must not block
 * and must not call back into the engine. A filter that throws rejects the message.
 */
@FunctionalInterface
public interface MessageFilter {
    boolean accepts(Message message);
}
