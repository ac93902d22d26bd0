/**
 * Fairness across protected groups: rates and any evaluation metric per group of one or several
 * protected attributes ({@link dev.assay.core.fairness.Groups}, {@link dev.assay.core.fairness.GroupCounts},
 * {@link dev.assay.core.fairness.GroupMetrics}), the disparity measures of Fairlearn and AIF360 with
 * bootstrap intervals ({@link dev.assay.core.fairness.Disparities}), and a test of whether selection
 * rates differ with multiple-comparison control ({@link dev.assay.core.fairness.SelectionRateTest}).
 *
 * <p>Undefined values are explicit by default: a rate whose denominator is zero is undefined with the
 * reason, and groups smaller than {@link dev.assay.core.fairness.FairnessSettings#minGroupSize()} are
 * flagged and left out of the worst-case aggregations. {@link dev.assay.core.fairness.Convention}
 * switches to Fairlearn's (0) or AIF360's (NaN) conventions to reproduce their numbers exactly.
 */
package dev.assay.core.fairness;
