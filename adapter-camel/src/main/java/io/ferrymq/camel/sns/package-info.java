/**
 * The {@code ferry-sns:topicName} component: a producer that publishes (one message or a batch) with
 * camel-aws2-sns's options and headers, and a declaration camel-aws2-sns lacks: {@code subscribeQueue} with
 * {@code filterPolicy}, {@code filterPolicyScope} and {@code rawMessageDelivery}, so a route states a filtered
 * fan-out to the queues its ferry-sqs consumers read.
 */
package io.ferrymq.camel.sns;
