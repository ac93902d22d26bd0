/**
 * Champion versus challenger: statistics that compare two models scored on the same rows. Paired
 * correctness ({@link dev.assay.core.compare.Flips}, {@link dev.assay.core.compare.McNemarTest}) and
 * correlated ROC AUCs ({@link dev.assay.core.compare.DeLongTest}), and the slices where a candidate breaks rows
 * the baseline got right ({@link dev.assay.core.compare.FlipSlices}). The paired bootstrap of metric differences
 * is {@link dev.assay.core.uncertainty.PairedBootstrap}.
 */
package dev.assay.core.compare;
