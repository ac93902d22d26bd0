package dev.assay.core.stats;

/**
 * Sufficient statistics of regression errors, with residual {@code r = y - ŷ} and weights {@code w}.
 *
 * @param rows the number of rows added
 * @param weight {@code Σ w}
 * @param absoluteError {@code Σ w |r|}
 * @param squaredError {@code Σ w r²}
 * @param absolutePercentageError {@code Σ w |r| / max(|y|, ε)} with ε the double machine epsilon
 * @param maxAbsoluteError {@code max |r|} over rows of positive weight; 0 when there are none
 * @param truth moments of {@code y}
 * @param residual moments of {@code r}
 */
public record RegressionErrors(long rows, double weight, double absoluteError, double squaredError,
        double absolutePercentageError, double maxAbsoluteError, Moments truth, Moments residual) {
}
