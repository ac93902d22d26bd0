package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrivalsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void constantArrivalsAreEvenlySpaced() {
        long[] s = Arrivals.CONSTANT.schedule(100, SECOND, 1);
        assertThat(s).hasSize(100);
        assertThat(s[0]).isZero();
        assertThat(s[1]).isEqualTo(10_000_000L);
        assertThat(s[99]).isEqualTo(990_000_000L);
        assertThat(Arrivals.CONSTANT.schedule(3, SECOND, 1)).containsExactly(0, 333_333_333, 666_666_667);
    }

    @Test
    void poissonArrivalsHaveTheRateOnAverageAndRepeatWithTheSeed() {
        long[] s = Arrivals.POISSON.schedule(1000, 10 * SECOND, 7);
        // 10,000 expected; the count of a Poisson process has standard deviation 100
        assertThat(s.length).isBetween(9600, 10400);
        assertThat(s).isSorted();
        assertThat(s[s.length - 1]).isLessThan(10 * SECOND);
        assertThat(Arrivals.POISSON.schedule(1000, 10 * SECOND, 7)).containsExactly(s);
        assertThat(Arrivals.POISSON.schedule(1000, 10 * SECOND, 8)).isNotEqualTo(s);
    }

    @Test
    void impossibleRatesAreRefused() {
        assertThatThrownBy(() -> Arrivals.CONSTANT.schedule(0, SECOND, 1)).hasMessageContaining("rate must be a positive");
        assertThatThrownBy(() -> Arrivals.CONSTANT.schedule(Double.NaN, SECOND, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> Arrivals.CONSTANT.schedule(1e6, 3600 * SECOND, 1)).hasMessageContaining("plans more than");
    }
}
