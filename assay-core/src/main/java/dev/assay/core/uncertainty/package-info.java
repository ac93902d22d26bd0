/**
 * Confidence intervals for measured values: the Wilson score interval of a proportion
 * ({@link dev.assay.core.uncertainty.WilsonInterval}), percentile and BCa intervals from bootstrap
 * replicates as pure functions ({@link dev.assay.core.uncertainty.BootstrapIntervals}), and intervals
 * for the metrics of an evaluation by a seeded, stratified bootstrap
 * ({@link dev.assay.core.uncertainty.MetricIntervals}), and of the difference of a metric between two models
 * on the same resampled rows ({@link dev.assay.core.uncertainty.PairedBootstrap}). Every interval is an
 * {@link dev.assay.core.uncertainty.IntervalEstimate}: an interval, or the reason there is none.
 */
package dev.assay.core.uncertainty;
