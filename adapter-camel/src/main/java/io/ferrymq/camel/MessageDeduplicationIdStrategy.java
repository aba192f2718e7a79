package io.ferrymq.camel;

import org.apache.camel.Exchange;

/** How a producer on a FIFO queue or topic sets MessageDeduplicationId, named as in camel-aws2-sqs/sns. */
public enum MessageDeduplicationIdStrategy {
    /** The exchange id: a redelivered exchange is recognised as a duplicate within the 5-minute window. */
    useExchangeId {
        @Override
        public String deduplicationId(Exchange exchange) {
            return exchange.getExchangeId();
        }
    },
    /** None given: the queue or topic must have ContentBasedDeduplication (auto-creation turns it on). */
    useContentBasedDeduplication {
        @Override
        public String deduplicationId(Exchange exchange) {
            return null;
        }
    };

    public abstract String deduplicationId(Exchange exchange);
}
