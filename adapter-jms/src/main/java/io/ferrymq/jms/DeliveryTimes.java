package io.ferrymq.jms;

import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.jms.message.FerryMessage;
import io.ferrymq.jms.provider.FerryProvider;

/**
 * Delivery delay on topics. SNS has no per-message delay, so a subscription that receives a message before its
 * JMSDeliveryTime hides it again (a visibility change) until then. That early receive is not a delivery to the
 * application, so it is taken out of JMSXDeliveryCount again.
 */
final class DeliveryTimes {
    private DeliveryTimes() {
    }

    /** Hides a message that is not due yet; true if it did. */
    static boolean holdIfEarly(FerryProvider provider, Delivery d) {
        long due = deliveryTime(d.message());
        long early = due - provider.time().millis();
        if (early <= 0) {
            return false;
        }
        int seconds = (int) Math.min(43_200, (early + 999) / 1000);
        provider.engine().changeMessageVisibility(d.queueUrl(), d.receiptHandle(), seconds);
        return true;
    }

    /** A receive that happened before the delivery time was one of ours that hid it: not a delivery. */
    static void discountEarlyReceive(FerryMessage m, Message received) {
        String first = received.attributes().get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);
        int count = received.receiveCount();
        if (first == null || count < 2 || Long.parseLong(first) >= deliveryTime(m)) {
            return;
        }
        m.setProviderProperty("JMSXDeliveryCount", count - 1);
        m.setJMSRedelivered(count - 1 > 1);
    }

    private static long deliveryTime(FerryMessage m) {
        return m.getJMSDeliveryTime();
    }
}
