package io.ferrymq.camel.jms;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * As in a Spring Boot or XML application with one ConnectionFactory bean: no component is configured, and both
 * {@code sjms2:} and {@code jms:} find FerryConnectionFactory in the registry. What one component sends the other
 * receives.
 */
class AutowiredConnectionFactoryTest extends FerryJmsCamelTestSupport {

    @Override
    protected void addComponents(CamelContext camel) {
        camel.getRegistry().bind("ferryConnectionFactory", connectionFactory);
    }

    @Test
    void bothComponentsFindTheOneConnectionFactoryAndInteroperate() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sjms2:queue:from-jms").to("mock:sjms2");
                from("jms:queue:from-sjms2").to("mock:jms");
            }
        });
        getMockEndpoint("mock:sjms2").expectedBodiesReceived("sent by jms:");
        getMockEndpoint("mock:sjms2").expectedHeaderReceived("origin", "jms");
        getMockEndpoint("mock:jms").expectedBodiesReceived("sent by sjms2:");
        getMockEndpoint("mock:jms").expectedHeaderReceived("origin", "sjms2");

        template.sendBodyAndHeader("jms:queue:from-jms", "sent by jms:", "origin", "jms");
        template.sendBodyAndHeader("sjms2:queue:from-sjms2", "sent by sjms2:", "origin", "sjms2");

        MockEndpoint.assertIsSatisfied(context);
    }
}
