/**
 * Weak-segment discovery: slices of one or two columns in which a proportion metric of binary
 * predictions (accuracy, recall, precision, ...) is significantly worse than on the other rows,
 * found by one-sided Fisher exact tests with the false discovery rate controlled by
 * Benjamini-Hochberg across every slice tried ({@link dev.assay.core.segments.WeakSegmentSearch}).
 */
package dev.assay.core.segments;
