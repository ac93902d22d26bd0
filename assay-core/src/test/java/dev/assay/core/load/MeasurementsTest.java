package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeasurementsTest {
    private static final long MS = 1_000_000L;

    @Test
    void throughputIsTheSlopeOfTheAnswersAndIgnoresLateEndpoints() {
        Measurements m = new Measurements(0, h -> { });
        for (int k = 0; k < 300; k++) {
            long answered = k * 10 * MS + 20 * MS + (k == 0 ? 60 * MS : 0);
            m.success(20 * MS, answered);
        }
        // one late first answer: (n - 1) / (last - first) would say 299 / 2.93 s = 102.0 per second
        assertThat(m.throughput()).isCloseTo(100.0, within(0.5));
    }

    @Test
    void aTargetThatFallsBehindShowsItsServiceRate() {
        Measurements m = new Measurements(0, h -> { });
        for (int k = 0; k < 500; k++) {
            m.success(0, k * 25 * MS);
        }
        assertThat(m.throughput()).isCloseTo(40.0, within(1e-9));
        assertThat(new Measurements(0, h -> { }).throughput()).isNaN();
    }

    @Test
    void intervalsSumToTheTotal() {
        Measurements m = new Measurements(0, h -> { });
        m.success(5 * MS, 5 * MS);
        m.failure("timeout");
        Interval first = m.tick(1000 * MS);
        m.success(7 * MS, 1100 * MS);
        Interval second = m.tick(2000 * MS);
        assertThat(first.latencyMs().count()).isEqualTo(1);
        assertThat(first.errors()).isEqualTo(1);
        assertThat(second.startSeconds()).isEqualTo(1.0);
        assertThat(second.errors()).isZero();
        assertThat(m.total().getTotalCount()).isEqualTo(2);
        assertThat(m.errors()).containsEntry("timeout", 1L);
    }
}
