/**
 * FerryMQ's JMS messages and their wire form. {@link io.ferrymq.jms.message.FerryMessage} and its five body types
 * implement the Jakarta Messaging 3.1 message contract (headers, typed properties with the §3.5.4 conversions, bodies,
 * read-only rules); {@link io.ferrymq.jms.message.WireCodec} turns one into an SQS body plus one {@code ferry.jms}
 * attribute and back, and reads messages from plain SQS/SNS producers as text messages with their attributes as
 * properties.
 */
package io.ferrymq.jms.message;
