package io.ferrymq.examples;

import io.ferrymq.jms.provider.EmbeddedEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Camel example keeps telling the true story: each order reaches exactly the queues its region and
 * weight select, through JMS, the topic's filtered fan-out and the warehouse routes; the order the EU warehouse
 * cannot pick is dead-lettered after three receives; the APAC order, which no subscription selects, goes nowhere.
 */
class ShippingRoutesTest {
    private final String engine = "shipping-test-" + UUID.randomUUID();

    @AfterEach
    void stopEngine() {
        EmbeddedEngines.shutdown(engine);
    }

    @Test
    void everyOrderGoesWhereItsAttributesSendIt() throws Exception {
        ShippingRoutes.Story story = ShippingRoutes.run(ShippingRoutes.jms(engine), engine);

        assertThat(story.picked()).containsExactlyInAnyOrder("order 2001 from warehouse-eu",
                "order 2003 from warehouse-eu", "order 2002 from warehouse-us", "order 2005 from warehouse-us");
        assertThat(story.trucked()).containsExactlyInAnyOrder("order 2003", "order 2005");
        // Three failed receives in warehouse-eu; the DLQ's own receive is the fourth (the count moves with it).
        assertThat(story.deadLetters()).containsExactly("order " + ShippingRoutes.POISON_ORDER + " after 4 receives");
    }
}
