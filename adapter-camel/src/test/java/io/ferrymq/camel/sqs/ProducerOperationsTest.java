package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.ListQueuesResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.SendMessageBatchResultEntry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's operations, as camel-aws2-sqs names and runs them: a batch send from a List or a separated String,
 * deleteMessage by receipt handle, listQueues, purgeQueue and deleteQueue; the operation header overrides the option.
 */
class ProducerOperationsTest extends EngineTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        createQueue("jobs");
        createQueue("jobs-archive");
        createQueue("other");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to("ferry-sqs:jobs?operation=sendBatchMessage");
                from("direct:batchWithSeparator").to("ferry-sqs:jobs?operation=sendBatchMessage&batchSeparator=|");
                from("direct:jobs").to("ferry-sqs:jobs");
                from("direct:archive").to("ferry-sqs:jobs-archive");
            }
        };
    }

    @Test
    void aListBodyIsSentAsOneBatchAndTheBodyBecomesTheBatchResult() throws Exception {
        Exchange sent = template.send("direct:batch", e -> {
            e.getIn().setBody(List.of("one", "two", "three"));
            e.getIn().setHeader("priority", "high");
        });

        assertThat(sent.getException()).isNull();
        @SuppressWarnings("unchecked")
        BatchResult<SendMessageBatchResultEntry> result = sent.getMessage().getBody(BatchResult.class);
        assertThat(result.successful()).hasSize(3);
        assertThat(result.failed()).isEmpty();
        List<Message> got = receiveFromQueue("jobs");
        assertThat(got).extracting(Message::body).containsExactlyInAnyOrder("one", "two", "three");
    }

    @Test
    void aStringBodyIsSplitAtTheBatchSeparator() throws Exception {
        template.sendBody("direct:batchWithSeparator", "a|b,c|d");

        assertThat(receiveFromQueue("jobs")).extracting(Message::body).containsExactlyInAnyOrder("a", "b,c", "d");
    }

    @Test
    void aBatchOfMoreThanTenIsRefusedWithTheEnginesError() {
        List<String> eleven = new ArrayList<>();
        IntStream.range(0, 11).forEach(i -> eleven.add("m" + i));

        Exchange sent = template.send("direct:batch", e -> e.getIn().setBody(eleven));

        assertThat(sent.getException()).isInstanceOf(EngineException.class);
        assertThat(((EngineException) sent.getException()).errorCode())
                .isEqualTo(ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST);
        assertThat(attribute("jobs", "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void deleteMessageDeletesTheMessageWhoseReceiptHandleIsInTheHeader() throws Exception {
        sendToQueue("jobs", "done elsewhere");
        Message leased = receiveFromQueue("jobs").get(0);

        Exchange sent = template.send("direct:jobs", e -> {
            e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, SqsOperation.deleteMessage);
            e.getIn().setHeader(FerrySqsConstants.RECEIPT_HANDLE, leased.receiptHandle());
        });

        assertThat(sent.getException()).isNull();
        assertQueueEmpty("jobs");
    }

    @Test
    void deleteMessageWithoutAReceiptHandleSaysSo() {
        Exchange sent = template.send("direct:jobs",
                e -> e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, "deleteMessage"));

        assertThat(sent.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Receipt Handle must be specified for the operation deleteMessage");
    }

    @Test
    void deleteMessageWithAStaleReceiptHandleGetsTheEnginesError() {
        Exchange sent = template.send("direct:jobs", e -> {
            e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, "deleteMessage");
            e.getIn().setHeader(FerrySqsConstants.RECEIPT_HANDLE, "not-a-handle");
        });

        assertThat(sent.getException()).isInstanceOf(EngineException.class);
        assertThat(((EngineException) sent.getException()).errorCode())
                .isEqualTo(ErrorCode.RECEIPT_HANDLE_IS_INVALID);
    }

    @Test
    void listQueuesListsTheQueuesWithThePrefixGiven() {
        Exchange sent = template.send("direct:jobs", e -> {
            e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, "listQueues");
            e.getIn().setHeader(FerrySqsConstants.SQS_QUEUE_PREFIX, "jobs");
        });

        assertThat(sent.getMessage().getBody(ListQueuesResult.class).queueUrls())
                .containsExactlyInAnyOrder(queueUrl("jobs"), queueUrl("jobs-archive"));
    }

    @Test
    void purgeQueueEmptiesTheQueueOnceAMinute() {
        sendToQueue("jobs", "stale 1");
        sendToQueue("jobs", "stale 2");

        Exchange first = template.send("direct:jobs",
                e -> e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, "purgeQueue"));
        Exchange second = template.send("direct:jobs",
                e -> e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, "purgeQueue"));

        assertThat(first.getException()).isNull();
        assertQueueEmpty("jobs");
        assertThat(second.getException()).isInstanceOf(EngineException.class);
        assertThat(((EngineException) second.getException()).errorCode())
                .isEqualTo(ErrorCode.PURGE_QUEUE_IN_PROGRESS);
    }

    @Test
    void deleteQueueDeletesTheEndpointsQueue() {
        Exchange sent = template.send("direct:archive",
                e -> e.getIn().setHeader(FerrySqsConstants.SQS_OPERATION, "deleteQueue"));

        assertThat(sent.getException()).isNull();
        assertThat(engine.listQueues(io.ferrymq.engine.sqs.ListQueuesRequest.all()).join().queueUrls())
                .doesNotContain(sent.getContext().getEndpoint("ferry-sqs:jobs-archive", FerrySqsEndpoint.class)
                        .target().queueUrl());
        Exchange afterwards = template.send("direct:archive", e -> e.getIn().setBody("too late"));
        assertThat(((EngineException) afterwards.getException()).errorCode())
                .isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
    }
}
