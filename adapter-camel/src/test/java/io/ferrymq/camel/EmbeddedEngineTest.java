package io.ferrymq.camel;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.local.EmbeddedEngines;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With no engine bound, a route runs on the JVM's embedded engine of its name ("default" unless embeddedName says
 * otherwise): the engine io.ferrymq.engine.local.EmbeddedEngines hands out, which a JMS FerryConnectionFactory on
 * ferry:embedded uses too, so a route and a JMS application meet on the same queues.
 */
class EmbeddedEngineTest extends CamelTestSupport {
    private final String other = "camel-" + UUID.randomUUID();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to("ferry-sqs:shared-orders?autoCreateQueue=true");
                from("ferry-sqs:shared-replies?autoCreateQueue=true").to("mock:replies");
                from("direct:other").to("ferry-sqs:shared-orders?autoCreateQueue=true&embeddedName=" + other);
            }
        };
    }

    @Override
    protected void doPostTearDown() throws Exception { // after the routes have stopped using them
        EmbeddedEngines.shutdown(EmbeddedEngines.DEFAULT_NAME);
        EmbeddedEngines.shutdown(other);
        super.doPostTearDown();
    }

    @Test
    void aRouteWithNoEngineBoundSendsToTheDefaultEmbeddedEngine() throws Exception {
        template.sendBody("direct:default", "from camel");

        Engine shared = EmbeddedEngines.engine(EmbeddedEngines.DEFAULT_NAME).engine();
        List<Message> got = shared.receiveMessage(ReceiveMessageRequest.of(shared.getQueueUrl("shared-orders").join())
                .withWaitTimeSeconds(20)).get(20, TimeUnit.SECONDS).messages();
        assertThat(got).extracting(Message::body).containsExactly("from camel");
    }

    @Test
    void aRouteConsumesWhatAnotherClientOfTheDefaultEngineSends() throws Exception {
        MockEndpoint replies = getMockEndpoint("mock:replies");
        replies.expectedBodiesReceived("from jms");
        Engine shared = EmbeddedEngines.engine(EmbeddedEngines.DEFAULT_NAME).engine();

        shared.sendMessage(SendMessageRequest.of(shared.getQueueUrl("shared-replies").join(), "from jms")).join();

        replies.assertIsSatisfied(20_000);
    }

    @Test
    void embeddedNameChoosesAnotherEngine() {
        template.sendBody("direct:other", "elsewhere");

        Engine chosen = EmbeddedEngines.running(other).orElseThrow().engine();
        assertThat(chosen.getQueueAttributes(chosen.getQueueUrl("shared-orders").join(),
                List.of("ApproximateNumberOfMessages")).join()).containsEntry("ApproximateNumberOfMessages", "1");
        Engine byDefault = EmbeddedEngines.engine(EmbeddedEngines.DEFAULT_NAME).engine();
        assertThat(byDefault.getQueueAttributes(byDefault.getQueueUrl("shared-orders").join(),
                List.of("ApproximateNumberOfMessages")).join()).containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void anEmbeddedEngineRunsOnItsOwnClockOnly() {
        context.getRegistry().bind("manual", new ManualTimeSource());

        assertThatThrownBy(() -> context.getEndpoint("ferry-sqs:shared-orders?timeSource=#manual").start())
                .hasStackTraceContaining("The option timeSource cannot be used with the embedded engine 'default'");
    }

    @Test
    void aClockBoundForTheComponentsEngineDoesNotStopAnEndpointNamingAnEmbeddedOne() throws Exception {
        context.getRegistry().bind("manual", new ManualTimeSource());
        context.getComponent("ferry-sqs", io.ferrymq.camel.sqs.FerrySqsComponent.class)
                .setTimeSource(context.getRegistry().lookupByNameAndType("manual", ManualTimeSource.class));

        context.getEndpoint("ferry-sqs:fresh?autoCreateQueue=true&embeddedName=" + other).start();

        Engine chosen = EmbeddedEngines.running(other).orElseThrow().engine();
        assertThat(chosen.getQueueUrl("fresh").join()).isNotNull();
    }

    @Test
    void anEngineReferenceToNothingFailsTheEndpointNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("ferry-sqs:q?engine=#missing"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("engine");
    }
}
