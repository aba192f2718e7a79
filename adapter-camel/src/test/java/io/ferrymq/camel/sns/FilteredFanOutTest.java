package io.ferrymq.camel.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.camel.EngineTestSupport;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route declares a filtered fan-out: ferry-sns endpoints subscribe queues with filter policies, raw or in SNS's
 * envelope, and ferry-sqs consumers read each queue. A published message reaches exactly the queues whose policy it
 * matches, with its headers as attributes to filter on (numbers as Number, lists as String.Array).
 */
class FilteredFanOutTest extends EngineTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String topic = "ferry-sns:orders?autoCreateTopic=true";
                // The fan-out, declared: endpoints that subscribe when they start, used by no route.
                endpoint(topic + "&subscribeQueue=orders-eu&rawMessageDelivery=true"
                        + "&filterPolicy=RAW({\"region\":[\"eu\"]})");
                endpoint(topic + "&subscribeQueue=orders-us&filterPolicy=RAW({\"region\":[\"us\"]})");
                endpoint(topic + "&subscribeQueue=orders-big&rawMessageDelivery=true"
                        + "&filterPolicy=RAW({\"amount\":[{\"numeric\":[\">=\",1000]}]})");
                endpoint(topic + "&subscribeQueue=orders-tagged&rawMessageDelivery=true"
                        + "&filterPolicy=RAW({\"tags\":[\"urgent\"]})");
                endpoint(topic + "&subscribeQueue=orders-all&rawMessageDelivery=true");
                endpoint("ferry-sns:shipments?autoCreateTopic=true&subscribeQueue=heavy-shipments"
                        + "&rawMessageDelivery=true&filterPolicyScope=MessageBody"
                        + "&filterPolicy=RAW({\"parcel\":{\"kg\":[{\"numeric\":[\">\",20]}]}})");

                from("direct:publish").to(topic + "&subject=New order");
                from("direct:ship").to("ferry-sns:shipments?autoCreateTopic=true");
                from("ferry-sqs:orders-eu?autoCreateQueue=true&messageAttributeNames=All").to("mock:eu");
                from("ferry-sqs:orders-us?autoCreateQueue=true&messageAttributeNames=All").to("mock:us");
                from("ferry-sqs:orders-big?autoCreateQueue=true").to("mock:big");
                from("ferry-sqs:orders-tagged?autoCreateQueue=true").to("mock:tagged");
                from("ferry-sqs:orders-all?autoCreateQueue=true").to("mock:all");
                from("ferry-sqs:heavy-shipments?autoCreateQueue=true").to("mock:heavy");
            }
        };
    }

    @Test
    void eachQueueReceivesWhatItsPolicyMatches() throws Exception {
        MockEndpoint eu = getMockEndpoint("mock:eu");
        MockEndpoint us = getMockEndpoint("mock:us");
        MockEndpoint big = getMockEndpoint("mock:big");
        MockEndpoint tagged = getMockEndpoint("mock:tagged");
        MockEndpoint all = getMockEndpoint("mock:all");
        eu.expectedBodiesReceived("eu order");
        eu.expectedHeaderReceived("region", "eu");
        us.expectedMessageCount(1);
        big.expectedBodiesReceived("big order");
        tagged.expectedBodiesReceived("urgent order");
        all.expectedBodiesReceivedInAnyOrder("eu order", "us order", "big order", "urgent order");
        NotifyBuilder delivered = new NotifyBuilder(context).from("ferry-sqs:*").whenDone(8).create();

        template.sendBodyAndHeader("direct:publish", "eu order", "region", "eu");
        template.sendBodyAndHeaders("direct:publish", "us order", Map.of("region", "us", "amount", 20));
        template.sendBodyAndHeaders("direct:publish", "big order", Map.of("region", "apac", "amount", 5000));
        template.sendBodyAndHeader("direct:publish", "urgent order", "tags", List.of("urgent", "gift"));

        MockEndpoint.assertIsSatisfied(WAIT_SECONDS, TimeUnit.SECONDS, eu, us, big, tagged, all);
        awaitDone(delivered);
        // A publish reaches its queues at once, so a copy a policy should have kept out would still be in its queue.
        for (String queue : List.of("orders-eu", "orders-us", "orders-big", "orders-tagged", "orders-all")) {
            assertQueueEmpty(queue);
        }
        MockEndpoint.assertIsSatisfied(context);
        JsonNode envelope = JSON.readTree(us.getExchanges().get(0).getIn().getBody(String.class));
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("Message").asText()).isEqualTo("us order");
        assertThat(envelope.get("Subject").asText()).isEqualTo("New order");
        assertThat(envelope.at("/MessageAttributes/region/Value").asText()).isEqualTo("us");
        assertThat(envelope.at("/MessageAttributes/amount/Type").asText()).isEqualTo("Number");
        assertThat(us.getExchanges().get(0).getIn().getHeader("region")).as("not raw: no SQS attributes").isNull();
    }

    @Test
    void aBodyScopedPolicyLooksInsideTheJsonBody() throws Exception {
        MockEndpoint heavy = getMockEndpoint("mock:heavy");
        heavy.expectedBodiesReceived("{\"parcel\":{\"kg\":42}}");
        NotifyBuilder delivered = new NotifyBuilder(context).from("ferry-sqs:*").whenDone(1).create();

        template.sendBody("direct:ship", "{\"parcel\":{\"kg\":3}}");
        template.sendBody("direct:ship", "{\"parcel\":{\"kg\":42}}");

        heavy.assertIsSatisfied(WAIT_SECONDS * 1000);
        awaitDone(delivered);
        assertQueueEmpty("heavy-shipments");
        heavy.assertIsSatisfied();
    }
}
