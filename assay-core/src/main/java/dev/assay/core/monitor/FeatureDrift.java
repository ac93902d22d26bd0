package dev.assay.core.monitor;

/**
 * Drift and data quality of one column in one window against the reference.
 *
 * @param column the feature's name, or {@code prediction} / {@code score}
 * @param test {@code ks} (numeric, two-sample Kolmogorov-Smirnov from the sketches) or {@code chi_square}
 *     (categories, Pearson's test of homogeneity)
 * @param statistic KS {@code D} or chi-square {@code X²}
 * @param pValue the test's p-value (for KS: that of the sketched {@code D})
 * @param psi the population stability index on the reference's fixed bins (deciles of a numeric reference,
 *     categories otherwise)
 * @param distance Wasserstein distance in reference standard deviations (numeric) or Jensen-Shannon
 *     distance (categories)
 * @param errorBound the bound on the error of {@code D} from the sketches' rank errors (99%), 0 when exact;
 *     for categories the largest error of a frequent-item count
 * @param rows rows of the window
 * @param missing missing values in the window
 * @param missingShare missing / rows (NaN without rows)
 * @param referenceMissingShare the same in the reference
 * @param unseenCategories categories in the window absent from the reference (0 for numeric columns)
 */
public record FeatureDrift(String column, String test, double statistic, double pValue, double psi, double distance,
        double errorBound, long rows, long missing, double missingShare, double referenceMissingShare, long unseenCategories) {
}
