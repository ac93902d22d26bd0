package dev.assay.core.abtest;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The sample-ratio-mismatch check: Pearson's chi-square goodness of fit of the arms' row counts to
 * the expected split, {@code χ² = Σ (O_i − E_i)² / E_i} with {@code E_i = N · w_i / Σw}, p-value the
 * upper tail of chi-square with (arms − 1) degrees of freedom. A mismatch (p below
 * {@link #THRESHOLD}) means the assignment or the logging is broken and the comparison is not to be
 * trusted, whatever its p-values say.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.chisquare(observed, expected)}, matched to 1e-12 on the
 * Adult A/B fixture; threshold as in Fabijan et al., "Diagnosing sample ratio mismatch in online
 * controlled experiments", KDD 2019.
 *
 * @param observed row counts per arm (control first)
 * @param expectedShares the expected split, normalised to sum to 1
 * @param statistic χ²
 * @param pValue its upper-tail probability
 */
public record SampleRatioMismatch(long[] observed, double[] expectedShares, double statistic, double pValue) {
    /** The p-value below which the split is flagged. */
    public static final double THRESHOLD = 0.001;

    /** The check of {@code observed} counts against the {@code split} weights (any positive numbers, e.g. 50, 50). */
    public static SampleRatioMismatch test(long[] observed, double[] split) {
        if (observed.length != split.length || observed.length < 2) {
            throw new IllegalArgumentException("one expected share per arm is needed");
        }
        double total = 0;
        double weights = 0;
        for (int i = 0; i < observed.length; i++) {
            total += observed[i];
            weights += split[i];
        }
        double[] shares = new double[split.length];
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            shares[i] = split[i] / weights;
            double e = total * shares[i];
            chi += (observed[i] - e) * (observed[i] - e) / e;
        }
        double p = ChiSquaredDistribution.of(observed.length - 1).survivalProbability(chi);
        return new SampleRatioMismatch(observed.clone(), shares, chi, p);
    }

    /** Whether the split is off: p-value below {@link #THRESHOLD}. */
    public boolean mismatch() {
        return pValue < THRESHOLD;
    }
}
