package io.ferrymq.camel.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.sjms.SjmsMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel bodies become the JMS message types Camel chooses for them (String: text, byte[]: bytes, Map: map), and Camel
 * headers become typed JMS properties and headers that come back as the same Camel headers on the consuming route.
 */
class MessageMappingTest extends FerryJmsCamelTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"sjms2", "jms"})
    void textBytesAndMapBodiesKeepTheirJmsTypeAndContent(String scheme) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(scheme + ":queue:bodies").to("mock:bodies");
            }
        });
        MockEndpoint bodies = getMockEndpoint("mock:bodies");
        bodies.expectedMessageCount(3);

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sku", "X-1");
        map.put("quantity", 3);
        map.put("price", 9.5);
        map.put("gift", true);
        template.sendBody(scheme + ":queue:bodies", "plain text, ünïcödé");
        template.sendBody(scheme + ":queue:bodies", new byte[] {0, 1, 2, (byte) 0xff});
        template.sendBody(scheme + ":queue:bodies", map);

        bodies.assertIsSatisfied();
        Exchange text = bodies.getExchanges().get(0);
        Exchange bytes = bodies.getExchanges().get(1);
        Exchange mapped = bodies.getExchanges().get(2);
        assertThat(jmsMessageOf(text)).isInstanceOf(TextMessage.class);
        assertThat(text.getIn().getBody()).isEqualTo("plain text, ünïcödé");
        assertThat(jmsMessageOf(bytes)).isInstanceOf(BytesMessage.class);
        assertThat(bytes.getIn().getBody()).isEqualTo(new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(jmsMessageOf(mapped)).isInstanceOf(MapMessage.class);
        assertThat(mapped.getIn().getBody()).isEqualTo(map);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sjms2", "jms"})
    void headersTravelAsTypedPropertiesAndJmsHeaders(String scheme) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(scheme + ":queue:headers").to("mock:headers");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:headers");
        mock.expectedMessageCount(1);

        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("customer", "acme");
        headers.put("quantity", 7);
        headers.put("orderNo", 1234567890123L);
        headers.put("express", true);
        headers.put("amount", 12.25);
        headers.put("order.ref", "R-1"); // not a JMS identifier: Camel encodes the dot and decodes it again
        headers.put("JMSCorrelationID", "corr-42");
        headers.put("JMSType", "order");
        template.sendBodyAndHeaders(scheme + ":queue:headers", "with headers", headers);

        mock.assertIsSatisfied();
        Exchange received = mock.getExchanges().get(0);
        assertThat(received.getIn().getHeaders())
                .containsEntry("customer", "acme")
                .containsEntry("quantity", 7)
                .containsEntry("orderNo", 1234567890123L)
                .containsEntry("express", true)
                .containsEntry("amount", 12.25)
                .containsEntry("order.ref", "R-1")
                .containsEntry("JMSCorrelationID", "corr-42")
                .containsEntry("JMSType", "order");
        Message jms = jmsMessageOf(received);
        assertThat(jms.getIntProperty("quantity")).isEqualTo(7);
        assertThat(jms.getLongProperty("orderNo")).isEqualTo(1234567890123L);
        assertThat(jms.getBooleanProperty("express")).isTrue();
        assertThat(jms.getDoubleProperty("amount")).isEqualTo(12.25);
        assertThat(jms.getStringProperty("order_DOT_ref")).isEqualTo("R-1");
        assertThat(jms.getJMSCorrelationID()).isEqualTo("corr-42");
        assertThat(jms.getJMSType()).isEqualTo("order");
    }

    static Message jmsMessageOf(Exchange exchange) {
        if (exchange.getIn() instanceof JmsMessage m) {
            return m.getJmsMessage();
        }
        return exchange.getIn(SjmsMessage.class).getJmsMessage();
    }
}
