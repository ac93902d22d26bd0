package dev.assay.core.stats;

/**
 * Weighted first and second moments of a variable.
 *
 * @param weight the total weight (the row count when unweighted)
 * @param mean the weighted mean; NaN when {@code weight} is 0
 * @param m2 the weighted sum of squared deviations from the mean, {@code Σ w (x - mean)²}
 */
public record Moments(double weight, double mean, double m2) {

    /** The population variance {@code m2 / weight} (numpy's {@code np.average((x - mean)**2, weights=w)}). */
    public double variance() {
        return m2 / weight;
    }
}
