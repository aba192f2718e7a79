package io.ferrymq.jms;

import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.provider.LeaseKeeper;

/** One received message on its way to the application: where it came from, its receipt, and its lease. */
record Delivery(FerryMessageConsumer consumer, String queueUrl, String receiptHandle, FerryMessage message,
                LeaseKeeper.Lease lease) {
}
