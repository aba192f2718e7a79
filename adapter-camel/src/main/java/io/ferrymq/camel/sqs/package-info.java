/**
 * The {@code ferry-sqs:queueName} component: a consumer that long-polls the engine with one loop per concurrent
 * consumer and deletes a message when its exchange succeeds, and a producer that sends (or runs the queue operations
 * camel-aws2-sqs offers). Options and headers carry camel-aws2-sqs's names; docs/camel.md lists the differences.
 */
package io.ferrymq.camel.sqs;
