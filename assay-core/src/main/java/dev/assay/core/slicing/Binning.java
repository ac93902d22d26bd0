package dev.assay.core.slicing;

import dev.assay.core.error.InvalidInputException;

/**
 * How a column is cut into bins.
 *
 * @param quantiles the number of quantile bins for a numeric column (pandas {@code qcut(x, q)});
 *     a numeric column with at most this many distinct values gets one bin per value
 * @param maxLevels the most values a categorical or text column may have to be sliced by value; a
 *     column with more is sliced by its {@code maxLevels} most frequent values only
 */
public record Binning(int quantiles, int maxLevels) {

    /** Quartiles for numbers, up to 50 values for categories. */
    public static final Binning DEFAULT = new Binning(4, 50);

    public Binning {
        if (quantiles < 2 || quantiles > 100) {
            throw new InvalidInputException("the number of quantile bins must be between 2 and 100, not " + quantiles + ".");
        }
        if (maxLevels < 2) {
            throw new InvalidInputException("the number of values to slice a column by must be at least 2, not " + maxLevels + ".");
        }
    }
}
