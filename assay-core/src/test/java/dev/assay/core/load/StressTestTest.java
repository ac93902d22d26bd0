package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StressTestTest {
    private static Interval interval(double start, double p99, long errors) {
        return new Interval(start, 1, 10, new LatencySummary(10, p99, p99, p99, p99, p99, p99), errors);
    }

    @Test
    void recoveryIsTheFirstIntervalUnderTheLimitWithoutErrors() {
        List<Interval> intervals = List.of(interval(0, 900, 0), interval(1, 80, 3), interval(2, 120, 0), interval(3, 40, 0),
                interval(4, 30, 0));
        assertThat(StressTest.recoverySeconds(intervals, 100)).isEqualTo(3.0);
        assertThat(StressTest.recoverySeconds(intervals, 1000)).isEqualTo(0.0);
        assertThat(StressTest.recoverySeconds(intervals, 20)).isNaN();
        assertThat(StressTest.recoverySeconds(List.of(), 100)).isNaN();
    }
}
