package dev.assay.core.metrics;

import dev.assay.core.chart.XYChart;
import dev.assay.core.stats.RegressionErrors;

/**
 * The merged statistics of regression rows from which every regression metric follows: the sums of
 * a {@link dev.assay.core.stats.RegressionAccumulator}, the median absolute error (which needs the
 * distribution of the errors, not a sum) and the residual chart.
 *
 * @param errors the error sums and moments
 * @param medianAbsoluteError the median of {@code |y - ŷ|}, or undefined with the reason
 * @param residuals the residual chart, or null
 */
public record RegressionStatistics(RegressionErrors errors, MetricValue medianAbsoluteError, XYChart residuals) {
}
