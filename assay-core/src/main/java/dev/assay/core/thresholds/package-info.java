/**
 * Decision thresholds of binary scores: every operating point of one sort of the scores
 * ({@link dev.assay.core.thresholds.OperatingPoints}), the threshold that maximises a metric, optionally
 * under a constraint on another ({@link dev.assay.core.thresholds.ThresholdSearch}), and the expected
 * cost of a decision rule under a cost matrix ({@link dev.assay.core.thresholds.CostMatrix}).
 */
package dev.assay.core.thresholds;
