package dev.assay.core.drift;

/**
 * The drift of one column.
 *
 * @param column the column's name
 * @param method the method used
 * @param statistic the method's statistic or distance
 * @param pValue the test's p-value, NaN for distances
 * @param adjustedP the Benjamini-Hochberg adjusted p-value (equal to {@code pValue} without FDR control), NaN for distances
 * @param exact whether the p-value is exact (else asymptotic); false for distances
 * @param effectName {@code wasserstein_std} or {@code cramers_v}
 * @param effectSize Wasserstein distance in reference standard deviations for numeric columns,
 *     Cramér's V of the reference-vs-current table for categories
 * @param threshold the threshold the statistic or p-value is judged by
 * @param drift whether the column has drifted
 * @param referenceCount non-missing reference values
 * @param currentCount non-missing current values
 * @param bins the counts over the bins the method read; for methods on the raw values, the
 *     reference-quantile bins that show the two distributions when the column drifted, else null
 * @param basis null when both samples are data; else what the reference was, e.g. {@code from profile
 *     (KLL k=200)}, as the output names the method
 * @param errorBound how far the statistic may be from the one on the raw reference (99% confidence);
 *     0 when exact, NaN when no bound is stated
 */
public record ColumnDrift(String column, DriftMethod method, double statistic, double pValue, double adjustedP,
        boolean exact, String effectName, double effectSize, double threshold, boolean drift, long referenceCount, long currentCount,
        Binned bins, String basis, double errorBound) {

    /** A result on raw data (no basis, exact). */
    public ColumnDrift(String column, DriftMethod method, double statistic, double pValue, double adjustedP, boolean exact,
            String effectName, double effectSize, double threshold, boolean drift, long referenceCount, long currentCount,
            Binned bins) {
        this(column, method, statistic, pValue, adjustedP, exact, effectName, effectSize, threshold, drift, referenceCount,
                currentCount, bins, null, 0);
    }

    /** The method's id, followed by the basis when the reference was not raw data ({@code ks from profile}). */
    public String methodName() {
        return basis == null ? method.id() : method.id() + " from profile";
    }

    /** The same result with its basis and error bound set. */
    public ColumnDrift withBasis(String what, double bound) {
        return new ColumnDrift(column, method, statistic, pValue, adjustedP, exact, effectName, effectSize, threshold, drift,
                referenceCount, currentCount, bins, what, bound);
    }

    /** The same result with the adjusted p-value and verdict set. */
    ColumnDrift judged(double adjusted, boolean drifted) {
        return new ColumnDrift(column, method, statistic, pValue, adjusted, exact, effectName, effectSize, threshold, drifted,
                referenceCount, currentCount, bins, basis, errorBound);
    }

    /** The same result with {@code shown} as its bins. */
    public ColumnDrift withBins(Binned shown) {
        return new ColumnDrift(column, method, statistic, pValue, adjustedP, exact, effectName, effectSize, threshold, drift,
                referenceCount, currentCount, shown, basis, errorBound);
    }
}
