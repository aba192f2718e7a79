package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route sends to ferry-sqs and another consumes: the message arrives with camel-aws2-sqs's headers, the producer's
 * headers come back as the same Java types, and a successful exchange deletes its message.
 */
class SendAndReceiveTest extends EngineTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("ferry-sqs:orders?autoCreateQueue=true");
                from("direct:sendDelayed").to("ferry-sqs:orders?autoCreateQueue=true&delaySeconds=60");
                from("ferry-sqs:orders?autoCreateQueue=true&attributeNames=All&messageAttributeNames=All")
                        .routeId("consumer").to("mock:received");
            }
        };
    }

    @Test
    void aSentMessageArrivesWithTheAws2SqsHeadersAndIsDeletedWhenItsExchangeSucceeds() throws Exception {
        MockEndpoint received = getMockEndpoint("mock:received");
        received.expectedBodiesReceived("order 1");
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("consumer").whenDone(1).create();

        Exchange sent = template.send("direct:send", e -> e.getIn().setBody("order 1"));

        received.assertIsSatisfied(WAIT_SECONDS * 1000);
        Map<String, Object> headers = received.getExchanges().get(0).getIn().getHeaders();
        assertThat(headers.get(FerrySqsConstants.MESSAGE_ID)).isNotNull()
                .isEqualTo(sent.getMessage().getHeader(FerrySqsConstants.MESSAGE_ID));
        assertThat(headers.get(FerrySqsConstants.MD5_OF_BODY)).isEqualTo(md5("order 1"))
                .isEqualTo(sent.getMessage().getHeader(FerrySqsConstants.MD5_OF_BODY));
        assertThat((String) headers.get(FerrySqsConstants.RECEIPT_HANDLE)).isNotBlank();
        assertThat(headers.get(FerrySqsConstants.ATTRIBUTES)).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
                .containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        assertThat(headers).as("system attributes are headers too, as in aws2-sqs")
                .containsEntry("ApproximateReceiveCount", "1");
        awaitDone(done);
        assertQueueEmpty("orders");
    }

    @Test
    void headersTravelAsMessageAttributesAndComeBackAsTheSameTypes() throws Exception {
        MockEndpoint received = getMockEndpoint("mock:received");
        received.expectedMessageCount(1);
        Map<String, Object> headers = new HashMap<>();
        headers.put("customer", "acme");
        headers.put("quantity", 3);
        headers.put("weight", 2.5d);
        headers.put("serial", 7L);
        headers.put("express", true);
        headers.put("signature", new byte[] {1, 2, 3});
        headers.put("CamelInternal", "never sent");
        headers.put("empty", "");

        template.sendBodyAndHeaders("direct:send", "order 2", headers);

        received.assertIsSatisfied(WAIT_SECONDS * 1000);
        org.apache.camel.Message in = received.getExchanges().get(0).getIn();
        assertThat(in.getHeader("customer")).isEqualTo("acme");
        assertThat(in.getHeader("quantity")).isEqualTo(3);
        assertThat(in.getHeader("weight")).isEqualTo(2.5d);
        assertThat(in.getHeader("serial")).isEqualTo(7L);
        assertThat(in.getHeader("express")).isEqualTo(true);
        assertThat((byte[]) in.getHeader("signature")).containsExactly(1, 2, 3);
        @SuppressWarnings("unchecked")
        Map<String, MessageAttributeValue> attributes =
                in.getHeader(FerrySqsConstants.MESSAGE_ATTRIBUTES, Map.class);
        assertThat(attributes).containsOnlyKeys("customer", "quantity", "weight", "serial", "express", "signature");
        assertThat(attributes.get("quantity").dataType()).isEqualTo("Number.int");
        assertThat(in.getHeader("CamelInternal")).as("Camel's own headers are not sent").isNull();
    }

    @Test
    void theDelayHeaderAndOptionHoldAMessageBackUntilTheClockPassesIt() throws Exception {
        MockEndpoint received = getMockEndpoint("mock:received");
        received.expectedBodiesReceived("header wins");
        template.sendBody("direct:sendDelayed", "later"); // delaySeconds=60
        template.sendBodyAndHeader("direct:sendDelayed", "header wins", FerrySqsConstants.DELAY_HEADER, 30);
        assertThat(attribute("orders", "ApproximateNumberOfMessagesDelayed")).isEqualTo(2);

        clock.advanceSeconds(30);

        received.assertIsSatisfied(WAIT_SECONDS * 1000);
        assertThat(attribute("orders", "ApproximateNumberOfMessagesDelayed")).isEqualTo(1);
        received.reset();
        received.expectedBodiesReceived("later");

        clock.advanceSeconds(30);

        received.assertIsSatisfied(WAIT_SECONDS * 1000);
    }

    @Test
    void elevenAttributesAreRefusedWithTheEnginesOwnError() {
        Map<String, Object> headers = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            headers.put("h" + i, "v" + i);
        }

        Exchange sent = template.send("direct:send", e -> {
            e.getIn().setBody("too many");
            e.getIn().setHeaders(headers);
        });

        assertThat(sent.getException()).isInstanceOf(EngineException.class)
                .hasMessage("Number of message attributes [11] exceeds the allowed maximum [10].");
        assertThat(((EngineException) sent.getException()).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(attribute("orders", "ApproximateNumberOfMessages")).isZero();
    }

    @Test
    void anEmptyBodyIsRefusedAsSqsRefusesIt() {
        Exchange sent = template.send("direct:send", e -> e.getIn().setBody(""));

        assertThat(sent.getException()).isInstanceOf(EngineException.class)
                .hasMessage("The request must contain the parameter MessageBody.");
    }

    private static String md5(String body) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
