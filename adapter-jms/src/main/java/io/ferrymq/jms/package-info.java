/**
 * FerryMQ's Jakarta Messaging 3.1 provider over the Engine SPI: queues become SQS queues, topics SNS topics with one
 * queue per subscription. Not built yet; see the project's issues.
 */
package io.ferrymq.jms;
