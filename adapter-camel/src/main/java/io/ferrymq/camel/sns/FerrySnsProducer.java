package io.ferrymq.camel.sns;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.camel.MessageAttributes;
import io.ferrymq.engine.sns.PublishBatchRequest;
import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the body (headers as message attributes) or, with batchEnabled, a List body as one PublishBatch. A
 * refusal is the exchange's exception: the engine's EngineException with SNS's code and message.
 */
public class FerrySnsProducer extends DefaultAsyncProducer {
    public FerrySnsProducer(FerrySnsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public FerrySnsEndpoint getEndpoint() {
        return (FerrySnsEndpoint) super.getEndpoint();
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
            action = getEndpoint().getConfiguration().isBatchEnabled() ? publishBatch(exchange) : publish(exchange);
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

    private CompletableFuture<?> publish(Exchange exchange) {
        TopicTarget t = getEndpoint().target();
        PublishRequest request = new PublishRequest(t.topicArn(), exchange.getIn().getBody(String.class),
                subject(exchange), messageStructure(exchange), attributes(exchange), groupId(exchange),
                deduplicationId(exchange));
        return t.engine().publish(request).thenAccept(
                result -> exchange.getMessage().setHeader(FerrySnsConstants.MESSAGE_ID, result.messageId()));
    }

    /** Elements that are engine entries go as they are; any other element is a body sent with the exchange's settings. */
    private CompletableFuture<?> publishBatch(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (!(body instanceof Iterable<?> elements)) {
            throw new IllegalArgumentException("batchEnabled needs a List body, not "
                    + (body == null ? "none" : body.getClass().getName()));
        }
        Map<String, MessageAttributeValue> attributes = attributes(exchange);
        String subject = subject(exchange);
        String structure = messageStructure(exchange);
        String groupId = groupId(exchange);
        String deduplicationId = deduplicationId(exchange);
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (Object element : elements) {
            String id = Integer.toString(entries.size());
            if (element instanceof PublishBatchRequestEntry entry) {
                entries.add(entry);
            } else {
                String message = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, element);
                entries.add(new PublishBatchRequestEntry(id, message, subject, structure, attributes, groupId,
                        deduplicationId == null ? null : deduplicationId + "-" + id));
            }
        }
        TopicTarget t = getEndpoint().target();
        return t.engine().publishBatch(new PublishBatchRequest(t.topicArn(), entries))
                .thenAccept(result -> exchange.getMessage().setBody(result));
    }

    private String subject(Exchange exchange) {
        String header = exchange.getIn().getHeader(FerrySnsConstants.SUBJECT, String.class);
        return header != null ? header : getEndpoint().getConfiguration().getSubject();
    }

    private String messageStructure(Exchange exchange) {
        String header = exchange.getIn().getHeader(FerrySnsConstants.MESSAGE_STRUCTURE, String.class);
        return header != null ? header : getEndpoint().getConfiguration().getMessageStructure();
    }

    private Map<String, MessageAttributeValue> attributes(Exchange exchange) {
        return MessageAttributes.fromHeaders(exchange.getIn().getHeaders(), getEndpoint().getHeaderFilterStrategy(),
                exchange, MessageAttributes::forSns);
    }

    private String groupId(Exchange exchange) {
        return getEndpoint().isFifo() ? getEndpoint().getConfiguration().getMessageGroupIdStrategy()
                .groupId(exchange, FerrySnsConstants.MESSAGE_GROUP_ID_PROPERTY) : null;
    }

    private String deduplicationId(Exchange exchange) {
        return getEndpoint().isFifo()
                ? getEndpoint().getConfiguration().getMessageDeduplicationIdStrategy().deduplicationId(exchange)
                : null;
    }
}
