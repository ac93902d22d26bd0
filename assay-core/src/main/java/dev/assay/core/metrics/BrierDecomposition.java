package dev.assay.core.metrics;

/**
 * The Brier score and its decomposition over the bins of a reliability diagram (Murphy 1973, with
 * the within-bin terms of Stephenson, Coelho and Jolliffe 2008). With {@code n_b} rows in bin b,
 * {@code f_b} their mean score, {@code o_b} their positive rate and {@code o} the overall positive rate:
 *
 * <pre>
 * reliability = Σ_b n_b/n (f_b - o_b)²          lower is better, in [0, 1]
 * resolution  = Σ_b n_b/n (o_b - o)²            higher is better, in [0, 0.25]
 * uncertainty = o (1 - o)                       of the data alone, in [0, 0.25]
 * withinBinVariance   = 1/n Σ_b Σ_{i in b} (p_i - f_b)²
 * withinBinCovariance = 1/n Σ_b Σ_{i in b} (p_i - f_b)(y_i - o_b)
 * score = 1/n Σ_i (p_i - y_i)² = reliability - resolution + uncertainty + withinBinVariance - 2 withinBinCovariance
 * </pre>
 *
 * The three-term identity {@code score = reliability - resolution + uncertainty} of Murphy holds
 * exactly only when the scores are constant within each bin (both within-bin terms are then 0);
 * otherwise the two within-bin terms make up the difference, {@link #residual()}.
 *
 * <p>Edge cases: no rows: every term NaN. One class in the label: uncertainty and resolution are 0.
 *
 * <p>Reference: {@code score} matches scikit-learn 1.2.1's {@code brier_score_loss(y, p)}, the other
 * terms numpy computations of the formulas above on scikit-learn's {@code calibration_curve} bins
 * ({@code scripts/golden/calibration_golden.py}), to 1e-12.
 */
public record BrierDecomposition(double score, double reliability, double resolution, double uncertainty,
        double withinBinVariance, double withinBinCovariance) {

    /** {@code score - (reliability - resolution + uncertainty)}: the part Murphy's three terms leave out. */
    public double residual() {
        return score - (reliability - resolution + uncertainty);
    }
}
