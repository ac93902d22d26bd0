/**
 * Mergeable sufficient statistics ({@link dev.assay.core.stats.Accumulator}s): confusion counts,
 * weighted moments, regression error sums, probability losses and exact score and value samples.
 * Metrics are pure functions of their results.
 */
package dev.assay.core.stats;
