/**
 * Univariate drift between a reference and a current sample of each column.
 *
 * <p>{@link dev.assay.core.drift.DriftAnalysis} turns columns into pairs of
 * {@link dev.assay.core.drift.ColumnSample}s (sorted numbers or category counts), measures each pair with
 * a {@link dev.assay.core.drift.DriftMethod} (Kolmogorov-Smirnov, chi-square, Cramér-von Mises, PSI,
 * Wasserstein, Jensen-Shannon, Hellinger; or the {@code auto} policy), reports an effect size beside
 * every p-value, adjusts the p-values across columns (Benjamini-Hochberg) and judges each column by its
 * threshold ({@link dev.assay.core.drift.DriftReport}). Samples from other sources enter through
 * {@link dev.assay.core.drift.DriftAnalysis#compareSamples}. Every statistic and p-value matches SciPy
 * 1.10.1 ({@code golden/drift.json}, {@code scripts/golden/drift_golden.py}).
 */
package dev.assay.core.drift;
