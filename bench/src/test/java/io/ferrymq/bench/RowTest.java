package io.ferrymq.bench;

import io.ferrymq.bench.report.Row;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ratio's direction: above 1 means FerryMQ is better, in throughput and in time modes alike. */
class RowTest {

    private static Row row(boolean higherIsBetter, double ferry, double ferryError, double alt, double altError) {
        return new Row("jms.X.y", "", Map.of(), higherIsBetter ? "ops/s" : "us/op", higherIsBetter,
                Workload.FERRYMQ, new Row.Cell(ferry, ferryError), "artemis", new Row.Cell(alt, altError));
    }

    @Test
    void throughputPutsFerryMqOnTop() {
        Row r = row(true, 200, 10, 100, 10);
        assertThat(r.ratio()).isEqualTo(2.0);
        assertThat(r.ratioRange()[0]).isCloseTo(190.0 / 110, within(1e-9));
        assertThat(r.ratioRange()[1]).isCloseTo(210.0 / 90, within(1e-9));
    }

    @Test
    void timePutsFerryMqBelow() {
        Row r = row(false, 50, 5, 100, 10);
        assertThat(r.ratio()).isEqualTo(2.0);
        assertThat(r.ratioRange()[0]).isCloseTo(90.0 / 55, within(1e-9));
        assertThat(r.ratioRange()[1]).isCloseTo(110.0 / 45, within(1e-9));
    }

    @Test
    void noErrorBarsNoRange() {
        Row r = row(false, 50, Double.NaN, 100, 1);
        assertThat(r.ratio()).isEqualTo(2.0);
        assertThat(r.ratioRange()[0]).isNaN();
    }
}
