package io.ferrymq.camel.sqs;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.time.TimeSource;

/**
 * What a started ferry-sqs endpoint works on: the engine, its clock, and the queue's URL.
 *
 * @param fifo whether the queue is FIFO (its name ends in .fifo), which changes sending and what a failure hands back
 */
public record QueueTarget(Engine engine, TimeSource time, String queueUrl, boolean fifo) {
}
