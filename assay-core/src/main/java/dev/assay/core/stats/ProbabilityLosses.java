package dev.assay.core.stats;

/**
 * Sums of per-row probability losses.
 *
 * @param weight {@code Σ w}
 * @param logLoss {@code Σ w · (-ln p_true)}, with {@code p} clipped as scikit-learn 1.2.1 clips it
 * @param brier {@code Σ w (y - p)²} for binary rows (0 for multiclass rows)
 */
public record ProbabilityLosses(double weight, double logLoss, double brier) {
}
