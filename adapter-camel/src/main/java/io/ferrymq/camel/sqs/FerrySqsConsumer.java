package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.camel.MessageAttributes;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.engine.sqs.QueueAttributeName;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultConsumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Receives from a ferry-sqs queue with concurrentConsumers long-polling loops. A message is deleted when its exchange
 * completes; a failed exchange leaves it leased, so it is received again after its visibility timeout and counts
 * towards the queue's RedrivePolicy, as on SQS.
 */
public class FerrySqsConsumer extends DefaultConsumer implements Suspendable {
    private final List<PollingLoop> loops = new ArrayList<>();
    private ExecutorService executor;
    private LeaseExtender extender;
    private QueueTarget target;

    public FerrySqsConsumer(FerrySqsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public FerrySqsEndpoint getEndpoint() {
        return (FerrySqsEndpoint) super.getEndpoint();
    }

    private FerrySqsConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        target = getEndpoint().target();
        FerrySqsConfiguration c = configuration();
        extender = c.isExtendMessageVisibility()
                ? new LeaseExtender(target.engine(), target.time(), target.queueUrl(), leaseTerm()) : null;
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "ferry-sqs[" + getEndpoint().getQueueName() + "]",
                        c.getConcurrentConsumers());
        startPolling();
    }

    private void startPolling() {
        FerrySqsConfiguration c = configuration();
        for (int i = 0; i < c.getConcurrentConsumers(); i++) {
            PollingLoop loop = new PollingLoop(this, target, receiveRequest(), c.getMaxMessagesPerPoll(), extender);
            loops.add(loop);
            executor.execute(loop);
        }
    }

    /**
     * Stops intake: waiting receives are withdrawn and unprocessed messages handed back, while exchanges under way
     * run on. Camel's graceful shutdown suspends first, waits for those exchanges, then stops.
     */
    @Override
    protected void doSuspend() throws Exception {
        loops.forEach(PollingLoop::stop);
        loops.clear();
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        super.doResume();
        startPolling();
    }

    @Override
    protected void doStop() throws Exception {
        loops.forEach(PollingLoop::stop);
        loops.clear();
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        if (extender != null) {
            extender.close();
            extender = null;
        }
        super.doShutdown();
    }

    private ReceiveMessageRequest receiveRequest() {
        FerrySqsConfiguration c = configuration();
        List<String> system = new ArrayList<>(c.attributeNames());
        if (target.fifo() && !system.contains(MessageSystemAttributeName.ALL)
                && !system.contains(MessageSystemAttributeName.MESSAGE_GROUP_ID)) {
            system.add(MessageSystemAttributeName.MESSAGE_GROUP_ID); // a failure hands back the rest of its group
        }
        return new ReceiveMessageRequest(target.queueUrl(), null, c.getVisibilityTimeout(), c.getWaitTimeSeconds(),
                c.messageAttributeNames(), system, null);
    }

    /** The visibility term the extender keeps renewing: visibilityTimeout, else the queue's own. */
    private int leaseTerm() {
        Integer given = configuration().getVisibilityTimeout();
        if (given != null) {
            return given;
        }
        String queues = EngineCalls.await(target.engine().getQueueAttributes(target.queueUrl(),
                List.of(QueueAttributeName.VISIBILITY_TIMEOUT))).get(QueueAttributeName.VISIBILITY_TIMEOUT);
        int term = Integer.parseInt(queues);
        if (term < 1) {
            throw new IllegalArgumentException("extendMessageVisibility needs a visibility timeout of at least 1"
                    + " second, and the queue's VisibilityTimeout is " + term + ": set the option visibilityTimeout");
        }
        return term;
    }

    /** Routes one received message; true when its exchange failed (the message stays leased). */
    boolean process(Message message, int index, int batchSize) {
        Exchange exchange = createExchange(message, index, batchSize);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } catch (Error e) {
            if (extender != null) {
                extender.drop(message.receiptHandle());
            }
            throw e;
        }
        boolean failed = exchange.isFailed();
        releaseExchange(exchange, false);
        return failed;
    }

    private Exchange createExchange(Message m, int index, int batchSize) {
        Exchange exchange = createExchange(false);
        org.apache.camel.Message in = exchange.getIn();
        in.setBody(m.body());
        in.setHeaders(new HashMap<>(m.attributes())); // system attributes as headers too, as camel-aws2-sqs does
        in.setHeader(FerrySqsConstants.MESSAGE_ID, m.messageId());
        in.setHeader(FerrySqsConstants.MD5_OF_BODY, m.md5OfBody());
        in.setHeader(FerrySqsConstants.RECEIPT_HANDLE, m.receiptHandle());
        in.setHeader(FerrySqsConstants.ATTRIBUTES, m.attributes());
        in.setHeader(FerrySqsConstants.MESSAGE_ATTRIBUTES, m.messageAttributes());
        HeaderFilterStrategy filter = getEndpoint().getHeaderFilterStrategy();
        for (Map.Entry<String, MessageAttributeValue> a : m.messageAttributes().entrySet()) {
            Object value = MessageAttributes.toHeader(a.getValue());
            if (!filter.applyFilterToExternalHeaders(a.getKey(), value, exchange)) {
                in.setHeader(a.getKey(), value);
            }
        }
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, batchSize);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == batchSize - 1);
        exchange.getExchangeExtension().addOnCompletion(new Settlement(m.receiptHandle(), target, extender));
        return exchange;
    }

    /** What the end of an exchange means for its message: deleted on success, left leased on failure. */
    private final class Settlement implements Synchronization {
        private final String receiptHandle;
        // As when the message was received: a restarted consumer has its own.
        private final QueueTarget target;
        private final LeaseExtender extender;

        Settlement(String receiptHandle, QueueTarget target, LeaseExtender extender) {
            this.receiptHandle = receiptHandle;
            this.target = target;
            this.extender = extender;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (extender != null) {
                extender.drop(receiptHandle);
            }
            if (!shouldDelete(exchange)) {
                return;
            }
            try {
                EngineCalls.await(target.engine().deleteMessage(target.queueUrl(), receiptHandle));
            } catch (RuntimeException e) {
                getExceptionHandler().handleException("ferry-sqs could not delete the message of a completed "
                        + "exchange (its lease may have lapsed: it will be received again)", exchange,
                        EngineCalls.cause(e));
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            if (extender != null) {
                extender.drop(receiptHandle);
            }
            Exception cause = exchange.getException();
            if (cause != null) {
                getExceptionHandler().handleException("Exchange failed: ferry-sqs leaves its message to be received"
                        + " again after its visibility timeout", exchange, cause);
            }
        }

        private boolean shouldDelete(Exchange exchange) {
            FerrySqsConfiguration c = configuration();
            return c.isDeleteAfterRead() || c.isDeleteIfFiltered()
                    && exchange.getProperty(FerrySqsConstants.SQS_DELETE_FILTERED, false, Boolean.class);
        }

        @Override
        public String toString() {
            return "FerrySqsSettlement";
        }
    }
}
