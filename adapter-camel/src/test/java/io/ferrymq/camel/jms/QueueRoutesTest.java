package io.ferrymq.camel.jms;

import jakarta.jms.Destination;
import jakarta.jms.TemporaryQueue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.sjms2.Sjms2Component;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Point-to-point routes on a FerryMQ queue, for {@code sjms2:} and {@code jms:} alike. */
class QueueRoutesTest extends FerryJmsCamelTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"sjms2", "jms"})
    void aRouteConsumesWhatAProducerTemplateSendsInOrderAndAcknowledgesIt(String scheme) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(scheme + ":queue:orders").routeId("orders").to("mock:orders");
            }
        });
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedBodiesReceived("order-1", "order-2", "order-3");
        orders.expectedHeaderValuesReceivedInAnyOrder("customer", "acme", "globex", "initech");

        template.sendBodyAndHeader(scheme + ":queue:orders", "order-1", "customer", "acme");
        template.sendBodyAndHeader(scheme + ":queue:orders", "order-2", "customer", "globex");
        template.sendBodyAndHeader(scheme + ":queue:orders", "order-3", "customer", "initech");

        orders.assertIsSatisfied();
        assertThat(orders.getExchanges()).allSatisfy(e -> {
            assertThat(e.getIn().getHeader("JMSMessageID", String.class)).startsWith("ID:");
            assertThat(e.getIn().getHeader("JMSRedelivered", Boolean.class)).isFalse();
        });

        // Once the route has stopped nothing is left: every message was acknowledged (deleted), none only leased.
        context.getRouteController().stopRoute("orders");
        assertThat(browse("orders")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sjms2", "jms"})
    void requestReplyGoesBackOverOneTemporaryQueue(String scheme) throws Exception {
        List<Destination> replyTos = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(scheme + ":queue:quotes").routeId("quotes")
                        .process(e -> replyTos.add(e.getIn().getHeader("JMSReplyTo", Destination.class)))
                        .setBody(simple("quote for ${body}"));
            }
        });

        assertThat(template.requestBody(scheme + ":queue:quotes", "apples", String.class))
                .isEqualTo("quote for apples");
        assertThat(template.requestBody(scheme + ":queue:quotes", "pears", String.class))
                .isEqualTo("quote for pears");

        assertThat(replyTos).hasSize(2).allSatisfy(d -> assertThat(d).isInstanceOf(TemporaryQueue.class));
        assertThat(replyTos.get(1)).as("the producer keeps one reply queue").isEqualTo(replyTos.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sjms2:queue:quotes?replyTo=quote-replies&replyToType=Exclusive",
            "jms:queue:quotes?replyTo=quote-replies&replyToType=Exclusive",
            // camel-jms's default for a named reply queue: one consumer whose selector names the outstanding
            // JMSCorrelationIDs, re-made as they change (FerryMQ's selective receive on a queue).
            "jms:queue:quotes?replyTo=quote-replies&replyToType=Shared"})
    void requestReplyOverANamedReplyQueue(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri.substring(0, uri.indexOf('?'))).routeId("quotes")
                        .setBody(simple("quote for ${body} (${header.JMSCorrelationID})"));
            }
        });

        Exchange first = template.request(uri, e -> e.getIn().setBody("apples"));
        Exchange second = template.request(uri, e -> e.getIn().setBody("pears"));

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        String firstCorrelation = first.getMessage().getHeader("JMSCorrelationID", String.class);
        assertThat(firstCorrelation).isNotBlank();
        assertThat(first.getMessage().getBody(String.class))
                .isEqualTo("quote for apples (" + firstCorrelation + ")");
        assertThat(second.getMessage().getBody(String.class)).startsWith("quote for pears (")
                .doesNotContain(firstCorrelation);
        context.getRouteController().stopRoute("quotes");
        assertThat(browse("quote-replies")).as("every reply was taken").isEmpty();
    }

    /**
     * Both components open a connection per send on a bare factory; Spring's CachingConnectionFactory in front of
     * FerryConnectionFactory (one connection, cached sessions and producers) carries the sends as well.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sjms2", "jms"})
    void sendsCanGoThroughSpringsCachingConnectionFactory(String scheme) throws Exception {
        CachingConnectionFactory caching = new CachingConnectionFactory(connectionFactory);
        try {
            if (scheme.equals("sjms2")) {
                Sjms2Component cached = new Sjms2Component();
                cached.setConnectionFactory(caching);
                context.addComponent("cached", cached);
            } else {
                context.addComponent("cached", JmsComponent.jmsComponent(caching));
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(scheme + ":queue:orders").to("mock:orders");
                }
            });
            MockEndpoint orders = getMockEndpoint("mock:orders");
            orders.expectedBodiesReceived("order-1", "order-2", "order-3");

            for (String body : List.of("order-1", "order-2", "order-3")) {
                template.sendBody("cached:queue:orders", body);
            }

            orders.assertIsSatisfied();
        } finally {
            context.stop();
            caching.destroy();
        }
    }
}
