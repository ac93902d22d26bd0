/**
 * Champion versus challenger: statistics that compare two models scored on the same rows. Paired
 * correctness ({@link dev.assay.core.compare.Flips}, {@link dev.assay.core.compare.McNemarTest}) and
 * correlated ROC AUCs ({@link dev.assay.core.compare.DeLongTest}).
 */
package dev.assay.core.compare;
