package dev.assay.core.abtest;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal distribution, shared by the tests of this package. */
final class Normal {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Normal() {
    }

    static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    static double cdf(double x) {
        return STANDARD.cumulativeProbability(x);
    }

    static double survival(double x) {
        return STANDARD.survivalProbability(x);
    }

    /** The two-sided p-value of a z statistic, {@code 2 P(Z > |z|)}. */
    static double twoSided(double z) {
        return Math.min(1, 2 * STANDARD.survivalProbability(Math.abs(z)));
    }
}
