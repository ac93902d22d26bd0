package dev.assay.core.abtest;

/**
 * Everything measured about one metric.
 *
 * @param metric the metric column
 * @param comparison the fixed-horizon test of the means, with absolute and relative lift
 * @param mannWhitney the rank test; null when not asked for
 * @param cuped the covariate-adjusted comparison; null without a covariate
 * @param sequential the mSPRT looks; null without a look column
 * @param holm the Holm-adjusted p-value across the experiment's metrics
 * @param fdrBh the Benjamini-Hochberg adjusted p-value across the metrics
 * @param guardrail whether the metric is a guardrail
 * @param lowerIsBetter whether a decrease is an improvement
 */
public record MetricResult(String metric, MeanComparison comparison, MannWhitney mannWhitney, Cuped cuped,
        MixtureSprt.Sequence sequential, double holm, double fdrBh, boolean guardrail, boolean lowerIsBetter) {

    /** Whether the treatment is significantly worse at level {@code alpha} (unadjusted p-value). */
    public boolean worsened(double alpha) {
        return comparison.pValue() < alpha && (lowerIsBetter ? comparison.difference() > 0 : comparison.difference() < 0);
    }

    /** Whether the treatment is significantly better at {@code alpha} after Holm's correction. */
    public boolean improvedAfterHolm(double alpha) {
        return holm < alpha && (lowerIsBetter ? comparison.difference() < 0 : comparison.difference() > 0);
    }

    /** Whether the treatment is significantly worse at {@code alpha} after Holm's correction. */
    public boolean worsenedAfterHolm(double alpha) {
        return holm < alpha && (lowerIsBetter ? comparison.difference() > 0 : comparison.difference() < 0);
    }
}
