package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineTestSupport;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer whose queue goes away reports the engine's error through Camel's exception handler (the endpoint's
 * exceptionHandler, or the route's error handler with bridgeErrorHandler) and keeps polling, so it picks up again
 * when the queue is back.
 */
class PollingErrorsTest extends EngineTestSupport {
    private final CompletableFuture<Throwable> reported = new CompletableFuture<>();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("recorder", new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                reported.complete(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                reported.complete(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                reported.complete(exception);
            }
        });
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        createQueue("fragile");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("ferry-sqs:fragile?exceptionHandler=#recorder").to("mock:fragile");
            }
        };
    }

    @Test
    void aDeletedQueueIsReportedAndConsumingResumesWhenItIsBack() throws Exception {
        engine.deleteQueue(queueUrl("fragile")).join();

        Throwable error = reported.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(error).isInstanceOf(EngineException.class);
        assertThat(((EngineException) error).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
        MockEndpoint fragile = getMockEndpoint("mock:fragile");
        fragile.expectedBodiesReceived("back again");
        clock.advanceSeconds(60); // SQS lets a deleted queue's name be used again after a minute
        createQueue("fragile");
        sendToQueue("fragile", "back again");
        fragile.assertIsSatisfied(WAIT_SECONDS * 1000);
    }
}
