/**
 * A/B test statistics: the comparison of a control and a treatment arm on one or more metrics.
 * {@link dev.assay.core.abtest.TwoProportionZTest} and {@link dev.assay.core.abtest.WelchTTest}
 * with absolute and relative lift, {@link dev.assay.core.abtest.MannWhitney},
 * {@link dev.assay.core.abtest.Cuped} variance reduction, the always-valid
 * {@link dev.assay.core.abtest.MixtureSprt}, the {@link dev.assay.core.abtest.SampleRatioMismatch}
 * check, {@link dev.assay.core.abtest.Power} planning, {@link dev.assay.core.abtest.MultipleTesting}
 * corrections and guardrail {@link dev.assay.core.abtest.Decision}s, tied together by
 * {@link dev.assay.core.abtest.AbTestAnalysis}. Differences are always treatment minus control.
 */
package dev.assay.core.abtest;
