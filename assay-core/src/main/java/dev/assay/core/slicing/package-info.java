/**
 * Groups of rows to evaluate a model on: the bins of one column ({@link dev.assay.core.slicing.ColumnBins},
 * quantile bins for numbers as pandas' {@code qcut} draws them, one bin per value for categories),
 * and the slices of one column or a pair of columns ({@link dev.assay.core.slicing.Slice}), each
 * described the way a suite's {@code where:} selects it.
 */
package dev.assay.core.slicing;
