package dev.assay.core.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AnalyticGaussianTest {

    @Test
    void sigmaMatchesBalleAndWangsAlgorithm() {
        JsonNode cases = Golden.read("privacy/analytic_gaussian.json").get("cases");
        assertThat(cases.size()).isGreaterThan(5);
        for (JsonNode c : cases) {
            double eps = c.get("epsilon").asDouble();
            double delta = c.get("delta").asDouble();
            double gs = c.get("sensitivity").asDouble();
            double sigma = AnalyticGaussian.sigma(eps, delta, gs);
            assertThat(sigma).as("sigma at eps %s delta %s", eps, delta).isCloseTo(c.get("sigma").asDouble(),
                    within(1e-9 * sigma));
            // never below the exact sigma: the condition holds at the sigma returned
            assertThat(AnalyticGaussian.delta(sigma, eps, gs)).isLessThanOrEqualTo(delta);
            assertThat(AnalyticGaussian.delta(c.get("sigma").asDouble(), eps, gs))
                    .isCloseTo(c.get("delta_at_sigma").asDouble(), within(1e-9 * delta));
        }
    }

    @Test
    void analyticSigmaIsBelowTheClassicalOne() {
        double classical = Math.sqrt(2 * Math.log(1.25 / 1e-5)) / 0.5;
        assertThat(AnalyticGaussian.sigma(0.5, 1e-5, 1)).isLessThan(classical);
    }

    @Test
    void discreteGaussianDeltaMatchesTheorem7Sums() {
        for (JsonNode c : Golden.read("privacy/discrete_gaussian.json").get("cases")) {
            double d = DiscreteGaussian.delta(c.get("sigma2").asDouble(), c.get("epsilon").asDouble(), 1);
            assertThat(d).isCloseTo(c.get("delta").asDouble(), within(1e-12 + 1e-9 * d));
        }
    }

    @Test
    void discreteGaussianVarianceIsTheSmallestThatHolds() {
        BigInteger[] v = DiscreteGaussian.variance(1.0, 1e-5, 1);
        double sigma2 = v[0].doubleValue() / v[1].doubleValue();
        assertThat(DiscreteGaussian.delta(sigma2, 1.0, 1)).isLessThanOrEqualTo(1e-5);
        assertThat(DiscreteGaussian.delta(sigma2 * (1 - 1e-6), 1.0, 1)).isGreaterThan(1e-5 * (1 - 1e-3));
        double continuous = AnalyticGaussian.sigma(1.0, 1e-5, 1);
        assertThat(Math.sqrt(sigma2)).isCloseTo(continuous, within(0.05 * continuous));
    }

    @Test
    void rejectsParametersOutsideTheirRange() {
        assertThatThrownBy(() -> AnalyticGaussian.sigma(0, 1e-5, 1)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> AnalyticGaussian.sigma(1, 0, 1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> AnalyticGaussian.sigma(1, 1e-5, -1)).hasMessageContaining("sensitivity");
    }
}
