package io.ferrymq.compat.target;

/**
 * The documented behaviour of a target where JMS brokers legitimately differ. A scenario asserts the target's own
 * entry explicitly (it never skips), and reports a difference from the JMS broker norm in the matrix.
 *
 * @param priorityOrdering             higher JMSPriority is delivered first among waiting messages
 * @param maxQueueDelayMillis          the longest delivery delay a queue send accepts ({@link Long#MAX_VALUE}: no
 *                                     limit); a send with a longer one fails with a JMSException
 * @param redeliveredGoFirst           a rolled-back or recovered message comes back before messages that were waiting
 * @param browserShowsDelayed          a QueueBrowser lists messages whose delivery delay has not passed
 * @param browserShowsInFlight         a QueueBrowser lists messages delivered to a consumer and not yet acknowledged
 * @param deadLetterKeepsDeliveryCount a message moved to the dead-letter queue keeps its delivery count, so its
 *                                     first delivery from there has {@code JMSXDeliveryCount} = the redelivery limit
 *                                     + 1 and JMSRedelivered set (SQS keeps ApproximateReceiveCount); false: it
 *                                     starts again at 1, not redelivered (a broker's copy to the dead-letter address)
 * @param groupsStickToConsumer        all messages of one JMSXGroupID go to one consumer while it lives (Artemis);
 *                                     false: a group's messages are delivered in order and one at a time, but the
 *                                     group may move to another consumer once its delivered messages are
 *                                     acknowledged (SQS FIFO MessageGroupId)
 * @param leaseMillis                  the visibility lease after which a delivered, unacknowledged message would be
 *                                     delivered again if the client did not renew it (the client renews it while
 *                                     the application holds the message); 0: no lease, the broker holds a delivered
 *                                     message until it is acknowledged or its consumer closes
 * @param sendToDeletedTemporaryQueueFails a send to a temporary queue whose connection has closed (so it was
 *                                     deleted), through a destination naming it such as the JMSReplyTo a replying
 *                                     service received, throws InvalidDestinationException; false: the send succeeds
 *                                     and the message goes nowhere useful. On Artemis it is lost if it reaches the
 *                                     broker before the broker has finished removing the temporary queue (which can
 *                                     be after the requester's close has returned), else kept in an ordinary queue
 *                                     the broker auto-creates under that name (auto-create-queues, on by default),
 *                                     where nothing consumes it. The spec says nothing
 * @param browserShowsExpired          a QueueBrowser may still list a message whose time to live has passed (with
 *                                     its JMSExpiration, in the past), until the broker's periodic expiry scan removes
 *                                     it; a consumer never receives it. False: a browser never lists an expired
 *                                     message either. The spec allows both: clients "should not receive messages that
 *                                     have expired; however, JMS does not guarantee that this will not happen"
 *                                     (javadoc of Message.getJMSExpiration)
 * @param subscriptionSelectorsSeeHeaders the selector of a topic subscriber (durable, shared or not) sees the
 *                                     header fields JMSDeliveryMode, JMSPriority, JMSMessageID and JMSTimestamp, as
 *                                     a queue consumer's does (JMS 3.1 section 3.8.1); false: on a topic they are
 *                                     NULL, as an absent property is, so a comparison with one is unknown, while
 *                                     JMSType, JMSCorrelationID and properties work as anywhere
 * @param clientRejectsDeletedTemporaryQueue a send through the very TemporaryQueue object whose connection deleted
 *                                     it (which only the requester's own JVM has) throws IllegalStateException from
 *                                     the client, before anything reaches the broker, whatever the broker would do:
 *                                     qpid-jms (JmsSession.send checks JmsTemporaryDestination.isDeleted(), which its
 *                                     connection sets when it deletes the queue). False: such a send does what
 *                                     {@code sendToDeletedTemporaryQueueFails} says
 */
public record Semantics(boolean priorityOrdering, long maxQueueDelayMillis, boolean redeliveredGoFirst,
                        boolean browserShowsDelayed, boolean browserShowsInFlight,
                        boolean deadLetterKeepsDeliveryCount, boolean groupsStickToConsumer, long leaseMillis,
                        boolean sendToDeletedTemporaryQueueFails, boolean browserShowsExpired,
                        boolean subscriptionSelectorsSeeHeaders, boolean clientRejectsDeletedTemporaryQueue) {
}
