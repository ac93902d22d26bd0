package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak trend on intervals whose p99 is known: a linear climb, a flat run, gaps and too few intervals. */
class LatencyTrendTest {

    private static Interval interval(double start, double p99, long count) {
        return new Interval(start, 1, count, new LatencySummary(count, p99 / 2, p99 / 2, p99 * 0.9, p99, p99, p99), 0);
    }

    @Test
    void aLinearClimbHasItsSlopeAndTheQuartersTheirRatio() {
        List<Interval> intervals = new ArrayList<>();
        for (int s = 0; s < 120; s++) {
            intervals.add(interval(s, 10 + 0.05 * s, 100));
        }
        LatencyTrend t = LatencyTrend.of(intervals);
        assertThat(t.intervals()).isEqualTo(120);
        assertThat(t.p99SlopeMsPerMinute()).isCloseTo(3.0, within(1e-9));
        // first quarter: seconds 0..29, median p99 10 + 0.05 * 14.5; last: 90..119, 10 + 0.05 * 104.5
        assertThat(t.lastToFirstQuarterP99()).isCloseTo((10 + 0.05 * 104.5) / (10 + 0.05 * 14.5), within(1e-12));
    }

    @Test
    void aFlatRunHasNoSlopeAndIntervalsWithoutAnswersAreLeftOut() {
        List<Interval> intervals = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            intervals.add(interval(s, s % 5 == 4 ? Double.NaN : 25, s % 5 == 4 ? 0 : 50));
        }
        LatencyTrend t = LatencyTrend.of(intervals);
        assertThat(t.intervals()).isEqualTo(16);
        assertThat(t.p99SlopeMsPerMinute()).isCloseTo(0, within(1e-12));
        assertThat(t.lastToFirstQuarterP99()).isEqualTo(1.0);
    }

    @Test
    void fewerThanFourIntervalsGiveNoTrend() {
        LatencyTrend t = LatencyTrend.of(List.of(interval(0, 5, 1), interval(1, 6, 1), interval(2, 7, 1)));
        assertThat(t.intervals()).isEqualTo(3);
        assertThat(t.p99SlopeMsPerMinute()).isNaN();
        assertThat(t.lastToFirstQuarterP99()).isNaN();
    }
}
