package dev.assay.core.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrivateReleaseTest {

    @Test
    void budgetRefusesAQueryOverItAndChargesNothing() {
        PrivacyBudget budget = new PrivacyBudget(1.0, 1e-6);
        PrivateRelease release = new PrivateRelease(budget, new SplittableRandom(1));
        release.counts("count", new String[] {"count[a]", "count[b]"}, new long[] {10, 20}, Mechanism.LAPLACE, 0.6, 0);
        assertThat(budget.spentEpsilon()).isCloseTo(0.6, within(1e-6));
        assertThatThrownBy(() -> release.sum("sum", new double[] {1, 2}, 0, 5, 0.5))
                .isInstanceOf(PrivacyBudgetExceededException.class)
                .hasMessageContaining("Query 'sum' needs epsilon 0.5")
                .hasMessageContaining("only epsilon 0.4");
        assertThat(budget.ledger()).hasSize(1);
        assertThatThrownBy(() -> release.counts("g", new String[] {"g"}, new long[] {3}, Mechanism.GAUSSIAN, 0.3, 1e-5))
                .isInstanceOf(PrivacyBudgetExceededException.class).hasMessageContaining("delta");
        release.counts("g", new String[] {"g"}, new long[] {3}, Mechanism.GAUSSIAN, 0.3, 1e-6);
        assertThat(budget.spentDelta()).isEqualTo(1e-6);
    }

    @Test
    void laplaceCountsNeverSpendMoreThanAsked() {
        PrivacyBudget budget = new PrivacyBudget(10, 0);
        NoisyValue v = new PrivateRelease(budget, new SplittableRandom(2))
                .counts("c", new String[] {"c"}, new long[] {5}, Mechanism.LAPLACE, 0.3, 0)[0];
        assertThat(v.epsilon()).isLessThanOrEqualTo(0.3).isGreaterThan(0.3 * (1 - 1e-5));
        assertThat(v.value()).isEqualTo(Math.rint(v.value()));
        assertThat(v.noiseStd()).isCloseTo(Math.sqrt(2) / 0.3, within(0.1));
    }

    @Test
    void sumClampsEachValueSoTheNoiseIsCentredOnTheClampedSum() {
        double[] values = {-50, 1, 2, 3, 400, Double.NaN};
        assertThat(PrivateRelease.clampedSum(values, 0, 10)).isEqualTo(16);
        PrivateRelease release = new PrivateRelease(new PrivacyBudget(100, 0), new SplittableRandom(3));
        double total = 0;
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            total += release.sum("s", values, 0, 10, 0.04).value();
        }
        // each release: ε 0.04, λ·Δ ≈ 250, std ≈ 355; the mean of 2000 has std ≈ 8
        assertThat(total / n).isCloseTo(16, within(40.0));
    }

    @Test
    void meanStaysWithinTheBoundsAndSpendsItsEpsilonOnce() {
        PrivacyBudget budget = new PrivacyBudget(1, 0);
        PrivateRelease release = new PrivateRelease(budget, new SplittableRandom(4));
        double[] ages = new double[1000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 20 + i % 50;
        }
        NoisyValue mean = release.mean("mean age", ages, 18, 90, 1.0);
        assertThat(mean.value()).isBetween(18.0, 90.0).isCloseTo(44.5, within(3.0));
        assertThat(budget.spentEpsilon()).isLessThanOrEqualTo(1.0).isGreaterThan(0.999);
        assertThat(budget.ledger()).extracting(PrivacyBudget.Spend::query).containsExactly("mean age (count)", "mean age (sum)");
    }

    @Test
    void rejectsBadBoundsAndMechanismMixUps() {
        PrivateRelease release = new PrivateRelease(new PrivacyBudget(1, 0), new SplittableRandom(5));
        assertThatThrownBy(() -> release.sum("s", new double[] {1}, 5, 1, 0.1)).hasMessageContaining("lo <= hi");
        assertThatThrownBy(() -> release.counts("c", new String[] {"c"}, new long[] {1}, Mechanism.LAPLACE, 0.1, 1e-5))
                .hasMessageContaining("no delta");
    }
}
