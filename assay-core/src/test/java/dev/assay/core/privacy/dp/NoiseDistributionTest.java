package dev.assay.core.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The samplers against the distribution functions in {@code golden/privacy/noise_cdf.json} (scipy's dlaplace and
 * laplace, normalised sums for the discrete Gaussian), on seeded runs of {@value #N} draws. Tolerance: the
 * Dvoretzky-Kiefer-Wolfowitz inequality {@code P[sup |F_n − F| > t] <= 2 exp(−2 n t²)}, which holds for any
 * distribution, discrete ones included; at α = 0.001, {@code t = sqrt(ln(2/α) / (2n))} = 0.0087 for n = 50,000.
 * A correct sampler fails with probability below 0.001 per case; the seeds are fixed, so the runs repeat.
 */
class NoiseDistributionTest {
    private static final int N = 50_000;
    private static final double DKW = Math.sqrt(Math.log(2 / 0.001) / (2.0 * N));

    @Test
    void samplesFollowTheReferenceDistributionFunctions() {
        JsonNode cases = Golden.read("privacy/noise_cdf.json").get("cases");
        int seed = 1;
        for (JsonNode c : cases) {
            SplittableRandom random = new SplittableRandom(seed++);
            String kind = c.get("distribution").asText();
            DoubleSupplier draw = sampler(c, kind, random);
            double[] samples = new double[N];
            for (int i = 0; i < N; i++) {
                samples[i] = draw.getAsDouble();
            }
            double[] x = Golden.doubles(c.get("x"));
            double[] cdf = Golden.doubles(c.get("cdf"));
            double worst = 0;
            for (int j = 0; j < x.length; j++) {
                int below = 0;
                for (double s : samples) {
                    below += s <= x[j] + 1e-9 * Math.abs(x[j]) ? 1 : 0;
                }
                worst = Math.max(worst, Math.abs(below / (double) N - cdf[j]));
            }
            assertThat(worst).as("sup |F_n - F| of %s", c).isLessThan(DKW);
        }
    }

    private static DoubleSupplier sampler(JsonNode c, String kind, SplittableRandom random) {
        ExactSampler exact = new ExactSampler(random);
        switch (kind) {
            case "discrete_laplace": {
                long s = c.get("s").asLong();
                long t = c.get("t").asLong();
                return () -> exact.discreteLaplace(s, t);
            }
            case "discrete_gaussian": {
                BigInteger num = BigInteger.valueOf(Math.round(c.get("sigma2").asDouble() * 4));
                return () -> exact.discreteGaussian(num, BigInteger.valueOf(4));
            }
            default: {
                SnappingLaplace snapping = new SnappingLaplace(random);
                double eps = c.get("epsilon").asDouble();
                double value = c.get("value").asDouble();
                assertThat(SnappingLaplace.lambda(eps)).isEqualTo(c.get("lambda").asDouble());
                assertThat(SnappingLaplace.grid(SnappingLaplace.lambda(eps))).isEqualTo(c.get("grid").asDouble());
                return () -> snapping.release(value, 1, eps);
            }
        }
    }

    /** Mean and variance within 5 standard errors: var(mean) = σ²/n, var(s²) ≈ (μ4 − σ⁴)/n. */
    @Test
    void meanAndVarianceMatchTheNoiseScale() {
        SplittableRandom random = new SplittableRandom(7);
        ExactSampler exact = new ExactSampler(random);
        // discrete Laplace of scale b = 4: variance 2 q / (1 − q)², q = exp(−1/b)
        double q = Math.exp(-0.25);
        double variance = 2 * q / ((1 - q) * (1 - q));
        double[] lap = new double[N];
        for (int i = 0; i < N; i++) {
            lap[i] = exact.discreteLaplace(1, 4);
        }
        assertMoments(lap, variance, 6 * variance * variance);
        // discrete Gaussian with σ² = 9: variance within 1e-6 of 9 (the lattice is fine compared with σ)
        double[] gauss = new double[N];
        for (int i = 0; i < N; i++) {
            gauss[i] = exact.discreteGaussian(BigInteger.valueOf(9), BigInteger.ONE);
        }
        assertMoments(gauss, 9, 3 * 81);
        // snapping Laplace at eps 0.5 around 100: Laplace variance 2 λ² plus the rounding's Λ²/12
        SnappingLaplace snapping = new SnappingLaplace(random);
        double lambda = SnappingLaplace.lambda(0.5);
        double grid = SnappingLaplace.grid(lambda);
        double[] snapped = new double[N];
        for (int i = 0; i < N; i++) {
            snapped[i] = snapping.release(100, 1, 0.5) - 100;
        }
        double v = 2 * lambda * lambda + grid * grid / 12;
        assertMoments(snapped, v, 6 * v * v);
    }

    private static void assertMoments(double[] x, double variance, double fourthMoment) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double s2 = ss / (x.length - 1);
        assertThat(Math.abs(mean)).isLessThan(5 * Math.sqrt(variance / x.length));
        assertThat(Math.abs(s2 - variance)).isLessThan(5 * Math.sqrt((fourthMoment - variance * variance) / x.length));
    }

    @Test
    void snappedOutputsLieOnTheGridWithinTheBound() {
        SnappingLaplace snapping = new SnappingLaplace(new SplittableRandom(3));
        double eps = 0.5;
        double grid = SnappingLaplace.grid(SnappingLaplace.lambda(eps));
        double bound = SnappingLaplace.bound(eps) * 2.5;
        for (int i = 0; i < 2_000; i++) {
            double out = snapping.release(1e12, 2.5, eps);
            assertThat(Math.abs(out)).isLessThanOrEqualTo(bound);
            double units = out / 2.5 / grid;
            assertThat(units).isEqualTo(Math.rint(units));
        }
        // a value far beyond the bound is clamped to it, then noised and clamped again: never above the bound
        assertThat(snapping.release(1e300, 1, eps)).isLessThanOrEqualTo(SnappingLaplace.bound(eps));
    }
}
