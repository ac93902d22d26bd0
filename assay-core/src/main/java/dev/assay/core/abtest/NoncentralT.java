package dev.assay.core.abtest;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The upper tail of the noncentral t distribution with {@code ν} degrees of freedom and
 * noncentrality {@code δ}: {@code T = (Z + δ) / √(V/ν)} with {@code V ~ χ²_ν}, so
 * {@code P(T > c) = E_V[Φ(δ − c √(V/ν))]}, integrated over the chi-square density by composite
 * Simpson's rule between its 1e-15 and 1 − 1e-15 quantiles.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.nct.sf} as used by statsmodels' {@code TTestIndPower};
 * checked through the power goldens to 1e-9.
 */
final class NoncentralT {
    private static final int INTERVALS = 4000;

    private NoncentralT() {
    }

    /** {@code P(T > c)}. */
    static double survival(double c, double df, double delta) {
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        double lo = chi.inverseCumulativeProbability(1e-15);
        double hi = chi.inverseSurvivalProbability(1e-15);
        double h = (hi - lo) / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double v = lo + i * h;
            double f = chi.density(v) * Normal.cdf(delta - c * Math.sqrt(v / df));
            sum += f * (i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }
}
