package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.camel.MessageAttributes;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.SendMessageBatchRequest;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Sends the body as one message (headers as message attributes), or runs the operation asked for. The engine's
 * answer completes the exchange without holding a thread; a refusal is the exchange's exception, the engine's own
 * EngineException with SQS's code and message.
 */
public class FerrySqsProducer extends DefaultAsyncProducer {
    public FerrySqsProducer(FerrySqsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public FerrySqsEndpoint getEndpoint() {
        return (FerrySqsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().target();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> action;
        try {
            action = start(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        action.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(EngineCalls.cause(failure));
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<?> start(Exchange exchange) {
        SqsOperation operation = exchange.getIn().getHeader(FerrySqsConstants.SQS_OPERATION, SqsOperation.class);
        if (operation == null) {
            operation = getEndpoint().getConfiguration().getOperation();
        }
        if (operation == null) {
            return send(exchange);
        }
        QueueTarget t = getEndpoint().target();
        Engine engine = t.engine();
        return switch (operation) {
            case sendBatchMessage -> sendBatch(exchange);
            case deleteMessage -> engine.deleteMessage(t.queueUrl(), receiptHandle(exchange));
            case listQueues -> engine.listQueues(new ListQueuesRequest(
                            exchange.getIn().getHeader(FerrySqsConstants.SQS_QUEUE_PREFIX, String.class), null, null))
                    .thenAccept(result -> exchange.getMessage().setBody(result));
            case purgeQueue -> engine.purgeQueue(t.queueUrl());
            case deleteQueue -> engine.deleteQueue(t.queueUrl());
        };
    }

    private CompletableFuture<?> send(Exchange exchange) {
        QueueTarget t = getEndpoint().target();
        SendMessageRequest request = new SendMessageRequest(t.queueUrl(), exchange.getIn().getBody(String.class),
                delaySeconds(exchange), attributes(exchange), Map.of(), deduplicationId(exchange), groupId(exchange));
        return t.engine().sendMessage(request).thenAccept(result -> {
            exchange.getMessage().setHeader(FerrySqsConstants.MESSAGE_ID, result.messageId());
            exchange.getMessage().setHeader(FerrySqsConstants.MD5_OF_BODY, result.md5OfMessageBody());
        });
    }

    /**
     * As camel-aws2-sqs: a List (or any Iterable) body sends each element, a String body each part between
     * batchSeparators; every entry gets the exchange's attributes, delay and FIFO ids. The body becomes the engine's
     * BatchResult, whose failed entries say which were refused and why.
     */
    private CompletableFuture<?> sendBatch(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        List<String> bodies = new ArrayList<>();
        if (body instanceof Iterable<?> elements) {
            for (Object element : elements) {
                bodies.add(exchange.getContext().getTypeConverter().convertTo(String.class, exchange, element));
            }
        } else if (body instanceof String s) {
            bodies.addAll(List.of(s.split(Pattern.quote(getEndpoint().getConfiguration().getBatchSeparator()))));
        } else {
            throw new IllegalArgumentException("operation=sendBatchMessage needs a List or a String body, not "
                    + (body == null ? "none" : body.getClass().getName()));
        }
        Integer delay = delaySeconds(exchange);
        Map<String, MessageAttributeValue> attributes = attributes(exchange);
        String groupId = groupId(exchange);
        String deduplicationId = deduplicationId(exchange);
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (String b : bodies) {
            String id = Integer.toString(entries.size());
            entries.add(new SendMessageBatchRequestEntry(id, b, delay, attributes, Map.of(),
                    deduplicationId == null ? null : deduplicationId + "-" + id, groupId));
        }
        QueueTarget t = getEndpoint().target();
        return t.engine().sendMessageBatch(new SendMessageBatchRequest(t.queueUrl(), entries))
                .thenAccept(result -> exchange.getMessage().setBody(result));
    }

    private static String receiptHandle(Exchange exchange) {
        String handle = exchange.getIn().getHeader(FerrySqsConstants.RECEIPT_HANDLE, String.class);
        if (handle == null || handle.isEmpty()) {
            throw new IllegalArgumentException("Receipt Handle must be specified for the operation deleteMessage");
        }
        return handle;
    }

    private Map<String, MessageAttributeValue> attributes(Exchange exchange) {
        return MessageAttributes.fromHeaders(exchange.getIn().getHeaders(), getEndpoint().getHeaderFilterStrategy(),
                exchange, MessageAttributes::forSqs);
    }

    /** The header's delay, else the option's, unless the option is the queue's own delay (delayQueue). */
    private Integer delaySeconds(Exchange exchange) {
        Integer header = exchange.getIn().getHeader(FerrySqsConstants.DELAY_HEADER, Integer.class);
        if (header != null) {
            return header;
        }
        FerrySqsConfiguration c = getEndpoint().getConfiguration();
        return c.isDelayQueue() ? null : c.getDelaySeconds();
    }

    private String groupId(Exchange exchange) {
        return getEndpoint().isFifo() ? getEndpoint().getConfiguration().getMessageGroupIdStrategy()
                .groupId(exchange, FerrySqsConstants.MESSAGE_GROUP_ID_PROPERTY) : null;
    }

    private String deduplicationId(Exchange exchange) {
        return getEndpoint().isFifo()
                ? getEndpoint().getConfiguration().getMessageDeduplicationIdStrategy().deduplicationId(exchange)
                : null;
    }
}
