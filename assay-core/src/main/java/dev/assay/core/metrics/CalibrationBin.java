package dev.assay.core.metrics;

/**
 * One non-empty bin of a reliability diagram.
 *
 * @param lower the bin's lower edge (exclusive, except for the first bin)
 * @param upper the bin's upper edge (inclusive)
 * @param count the rows whose score falls in the bin, at least 1
 * @param meanPredicted the mean score of those rows (scikit-learn's {@code prob_pred})
 * @param observedRate the share of those rows that are positive (scikit-learn's {@code prob_true})
 */
public record CalibrationBin(double lower, double upper, long count, double meanPredicted, double observedRate) {

    /** {@code |observedRate - meanPredicted|}: how far the bin is from the diagonal. */
    public double gap() {
        return Math.abs(observedRate - meanPredicted);
    }
}
