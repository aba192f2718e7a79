package io.ferrymq.camel;

import org.apache.camel.Exchange;

/**
 * How a producer on a FIFO queue or topic picks each message's MessageGroupId, by the names camel-aws2-sqs and
 * camel-aws2-sns use for the option's values.
 */
public enum MessageGroupIdStrategy {
    /** Every message in one group, "CamelSingleMessageGroup": strict order across all of them. */
    useConstant {
        @Override
        public String groupId(Exchange exchange, String groupIdProperty) {
            return "CamelSingleMessageGroup";
        }
    },
    /** Each exchange its own group: no ordering between messages. */
    useExchangeId {
        @Override
        public String groupId(Exchange exchange, String groupIdProperty) {
            return exchange.getExchangeId();
        }
    },
    /** The group named by an exchange property (CamelAwsMessageGroupId for SQS, CamelAwsSnsMessageGroupId for SNS). */
    usePropertyValue {
        @Override
        public String groupId(Exchange exchange, String groupIdProperty) {
            return exchange.getProperty(groupIdProperty, String.class);
        }
    };

    /** The group id for this exchange; {@code groupIdProperty} is the property usePropertyValue reads. */
    public abstract String groupId(Exchange exchange, String groupIdProperty);
}
