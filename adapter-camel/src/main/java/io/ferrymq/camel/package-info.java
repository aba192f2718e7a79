/**
 * What the two Camel components share: finding the engine a route runs on (one the application binds, or the JVM's
 * embedded engine of a name, the same one a JMS {@code ferry:embedded} factory uses), mapping Camel headers to and
 * from message attributes as camel-aws2-sqs/sns do, and the FIFO id strategies.
 * {@link io.ferrymq.camel.sqs} holds {@code ferry-sqs}, {@link io.ferrymq.camel.sns} holds {@code ferry-sns}.
 */
package io.ferrymq.camel;
