package dev.assay.core.privacy.dp;

/** The noise of a release. */
public enum Mechanism {
    /** ε-DP: exact discrete Laplace noise on counts, snapping Laplace noise on sums and means. */
    LAPLACE,
    /** (ε, δ)-DP: exact discrete Gaussian noise on counts, σ calibrated exactly (CKS 2020, Theorem 7); counts only. */
    GAUSSIAN
}
