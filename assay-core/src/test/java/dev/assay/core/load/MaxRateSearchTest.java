package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The search of the highest sustained rate against simulated targets of known capacity. */
class MaxRateSearchTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void doublesThenBisectsToTheCapacityWithinTheTolerance() throws InterruptedException {
        List<Double> tried = new ArrayList<>();
        MaxRateSearch.Outcome o = new MaxRateSearch(50, 100_000, 20, 0.05, HOUR).search(rate -> {
            tried.add(rate);
            return capacity(rate, 300);
        }, r -> r.latencyMs().p99() < 200);
        assertThat(tried.subList(0, 5)).containsExactly(50.0, 100.0, 200.0, 400.0, 300.0);
        assertThat(o.maxSustainableRps()).isBetween(300 / 1.05, 300.0);
        assertThat(o.kneeRps()).isGreaterThan(300.0).isLessThanOrEqualTo(o.maxSustainableRps() * 1.05);
        assertThat(o.points()).extracting(MaxRateSearch.Point::requestedRps).isSorted();
        assertThat(o.points()).filteredOn(MaxRateSearch.Point::sustained).allMatch(p -> p.requestedRps() <= 300);
        assertThat(o.stoppedByBudget()).isFalse();
    }

    @Test
    void aRateTheTargetCannotAchieveIsNotSustainedEvenWithGoodLatency() throws InterruptedException {
        MaxRateSearch.Outcome o = new MaxRateSearch(100, 1000, 20, 0.1, HOUR).search(
                rate -> result(rate, Math.min(rate, 150), 1, 0), r -> true);
        assertThat(o.maxSustainableRps()).isBetween(150 / 1.1, 150 / MaxRateSearch.MIN_ACHIEVED);
    }

    @Test
    void aTargetThatKeepsUpEverywhereHasNoKneeAndOneThatNeverDoesHasNoMaximum() throws InterruptedException {
        MaxRateSearch.Outcome all = new MaxRateSearch(100, 1000, 20, 0.05, HOUR).search(rate -> capacity(rate, 1e9), r -> true);
        assertThat(all.points()).extracting(MaxRateSearch.Point::requestedRps).containsExactly(100.0, 200.0, 400.0, 800.0, 1000.0);
        assertThat(all.kneeRps()).isNaN();
        assertThat(all.maxSustainableRps()).isEqualTo(1000.0);
        MaxRateSearch.Outcome none = new MaxRateSearch(100, 1000, 4, 0.05, HOUR).search(rate -> result(rate, rate, 1, 5), r -> false);
        assertThat(none.points()).extracting(MaxRateSearch.Point::requestedRps).containsExactly(12.5, 25.0, 50.0, 100.0);
        assertThat(none.maxSustainableRps()).isNaN();
        assertThat(none.kneeRps()).isEqualTo(12.5);
        assertThat(none.points().get(0).errorRate()).isEqualTo(5.0 / 100);
    }

    @Test
    void theTimeBudgetStopsTheSearchBeforeARunWouldOverrunIt() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        MaxRateSearch search = new MaxRateSearch(100, 1e6, 50, 0.01, Duration.ofSeconds(10), now::get);
        MaxRateSearch.Outcome o = search.search(rate -> {
            now.addAndGet(3_000_000_000L);
            return capacity(rate, 1e9);
        }, r -> true);
        assertThat(o.points()).hasSize(3);
        assertThat(o.stoppedByBudget()).isTrue();
        assertThatThrownBy(() -> new MaxRateSearch(0, 10, 5, 0.1, HOUR)).hasMessageContaining("start rate");
        assertThatThrownBy(() -> new MaxRateSearch(1, 10, 0, 0.1, HOUR)).hasMessageContaining("steps");
    }

    private static LoadResult capacity(double rate, double capacity) {
        return rate <= capacity ? result(rate, rate, 10, 0) : result(rate, capacity, 1000, 0);
    }

    /** A run that achieved {@code throughput} with the given p99 and number of timeouts. */
    static LoadResult result(double rate, double throughput, double p99, long errors) {
        LatencySummary l = new LatencySummary(100, p99 / 2, p99 / 2, p99, p99, p99, p99);
        ResourceUse u = new ResourceUse(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        Map<String, Long> e = errors == 0 ? Map.of() : Map.of("timeout", errors);
        return new LoadResult("open", rate, throughput, 1, 100, l, l, e, 0, 0, List.of(), u, null,
                new LatencyDistribution(new double[0], new double[0]));
    }
}
