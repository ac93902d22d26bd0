package dev.assay.core.drift;

import java.util.Map;

/**
 * How drift is measured and judged.
 *
 * @param method the method for every column, or null for the {@code auto} policy: below
 *     {@link #AUTO_ROWS} reference rows, Kolmogorov-Smirnov for numeric columns with more than five
 *     distinct values and chi-square otherwise; above, the normalised Wasserstein distance and the
 *     Jensen-Shannon distance (Evidently's default policy)
 * @param threshold the threshold for every column, or null for each method's default
 * @param thresholds thresholds for single columns, overriding {@code threshold}
 * @param fdr adjust the p-values of the tests across columns (Benjamini-Hochberg); the threshold of a
 *     test is then the false discovery rate
 * @param minEffect a test also needs at least this effect size to flag drift (0: off), so that tiny
 *     shifts on large samples are not drift
 * @param driftShare the share of drifted columns from which the data set has drifted
 * @param bins quantile bins of numeric columns for PSI, Jensen-Shannon and Hellinger
 */
public record DriftSettings(DriftMethod method, Double threshold, Map<String, Double> thresholds, boolean fdr,
        double minEffect, double driftShare, int bins) {
    /** Reference rows up to which {@code auto} prefers tests. */
    public static final int AUTO_ROWS = 1000;
    /** Numeric columns with at most this many distinct values are compared as categories by {@code auto}. */
    public static final int AUTO_MAX_LEVELS = 5;
    public static final double DEFAULT_DRIFT_SHARE = 0.5;
    public static final int DEFAULT_BINS = 10;
    public static final DriftSettings DEFAULT = new DriftSettings(null, null, Map.of(), true, 0, DEFAULT_DRIFT_SHARE, DEFAULT_BINS);

    public DriftSettings {
        thresholds = Map.copyOf(thresholds);
    }

    /** The method id, {@code auto} when the policy chooses. */
    public String methodId() {
        return method == null ? "auto" : method.id();
    }

    /** The threshold for {@code column} measured by {@code m}. */
    public double thresholdFor(String column, DriftMethod m) {
        Double own = thresholds.get(column);
        if (own != null) {
            return own;
        }
        return threshold != null ? threshold : m.defaultThreshold();
    }
}
