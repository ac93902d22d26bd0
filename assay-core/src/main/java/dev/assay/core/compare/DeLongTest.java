package dev.assay.core.compare;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * DeLong's test that two models scored on the same rows have the same ROC AUC (DeLong, DeLong &amp;
 * Clarke-Pearson, Biometrics 44 (1988) 837-845), computed with the midrank algorithm of Sun &amp; Xu
 * (IEEE Signal Processing Letters 21 (2014) 1389-1393) in {@code O(n log n)}.
 *
 * <p>Formula: for each model, with positive scores {@code X} ({@code m} rows), negative scores
 * {@code Y} ({@code n} rows) and {@code psi(x, y) = 1} if {@code x > y}, 1/2 if {@code x = y}
 * (ties), 0 otherwise, the structural components are {@code V10[i] = (1/n) Σ_j psi(X_i, Y_j)} and
 * {@code V01[j] = (1/m) Σ_i psi(X_i, Y_j)}, and {@code auc = mean(V10)}; they are computed from
 * midranks without forming the pairs. With {@code S10} and {@code S01} the 2×2 sample covariance
 * matrices (divisor {@code m - 1}, {@code n - 1}) of the two models' components and
 * {@code L = (-1, 1)}:
 * <pre>
 *   difference = auc(candidate) - auc(baseline)
 *   se         = sqrt(L S10 Lᵀ / m + L S01 Lᵀ / n)
 *   z          = difference / se,   p = 2 (1 - Φ(|z|))
 *   interval   = difference ± Φ⁻¹(1 - (1 - confidence) / 2) se
 * </pre>
 * {@code L S Lᵀ} is the sample variance of the per-row differences of the components, which is
 * how it is computed. A positive difference favours the candidate.
 *
 * <p>Edge cases: fewer than two positive or two negative rows, rows of unequal number, or a NaN
 * score throw {@link IllegalArgumentException} naming the problem. If the standard error is 0
 * (e.g. identical scores) and the difference is 0, z is 0 and p is 1; a non-zero difference with
 * standard error 0 gives an infinite z and p = 0.
 *
 * <p>Reference: the AUCs match scikit-learn 1.2.1 {@code roc_auc_score}; the standard error, z,
 * p-value and interval match a numpy implementation of the same formula by direct
 * {@code O(m n)} components ({@code scripts/golden/compare_golden.py}), to 1e-12 relative, and an
 * {@code O(m n)} Java implementation in the tests to 1e-12.
 *
 * @param baselineAuc the baseline's ROC AUC
 * @param candidateAuc the candidate's ROC AUC
 * @param difference {@code candidateAuc - baselineAuc}
 * @param standardError DeLong's standard error of the difference
 * @param z {@code difference / standardError}
 * @param pValue the two-sided p-value of {@code z} under the standard normal
 * @param confidence the level of the interval, in (0, 1)
 * @param lower the lower end of the interval of the difference
 * @param upper the upper end of the interval of the difference
 * @param positives the number of positive rows {@code m}
 * @param negatives the number of negative rows {@code n}
 */
public record DeLongTest(double baselineAuc, double candidateAuc, double difference, double standardError,
                         double z, double pValue, double confidence, double lower, double upper,
                         int positives, int negatives) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * DeLong's test of {@code auc(candidateScores) - auc(baselineScores)}.
     *
     * @param positive whether row {@code i} belongs to the positive class
     * @param baselineScores the baseline's score of row {@code i}, higher meaning more positive
     * @param candidateScores the candidate's score of row {@code i}
     * @param confidence the level of the interval of the difference, e.g. 0.95
     */
    public static DeLongTest of(boolean[] positive, double[] baselineScores, double[] candidateScores, double confidence) {
        validate(positive, baselineScores, candidateScores, confidence);
        int m = 0;
        for (boolean p : positive) {
            m += p ? 1 : 0;
        }
        int n = positive.length - m;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("DeLong's test needs at least 2 positive and 2 negative rows, got "
                    + m + " positive and " + n + " negative");
        }
        StructuralComponents base = components(positive, baselineScores, m);
        StructuralComponents cand = components(positive, candidateScores, m);
        double difference = cand.auc() - base.auc();
        double variance = differenceVariance(base.v10(), cand.v10()) / m + differenceVariance(base.v01(), cand.v01()) / n;
        double se = Math.sqrt(variance);
        double z = se == 0 && difference == 0 ? 0 : difference / se;
        double p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        double half = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2) * se;
        return new DeLongTest(base.auc(), cand.auc(), difference, se, z, p, confidence,
                difference - half, difference + half, m, n);
    }

    private static void validate(boolean[] positive, double[] baselineScores, double[] candidateScores, double confidence) {
        if (baselineScores.length != positive.length || candidateScores.length != positive.length) {
            throw new IllegalArgumentException("DeLong's test needs one label and two scores per row, got "
                    + positive.length + " labels, " + baselineScores.length + " baseline scores and "
                    + candidateScores.length + " candidate scores");
        }
        requireNoNaN(baselineScores, "baseline");
        requireNoNaN(candidateScores, "candidate");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95, got " + confidence);
        }
    }

    private static void requireNoNaN(double[] scores, String model) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("the " + model + " score at index " + i
                        + " is NaN; every row needs a score from both models (drop or impute the row)");
            }
        }
    }

    private static StructuralComponents components(boolean[] positive, double[] scores, int m) {
        double[] pos = new double[m];
        double[] neg = new double[positive.length - m];
        int p = 0;
        int q = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i]) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
        return StructuralComponents.of(pos, neg);
    }

    /** The sample variance (divisor {@code k - 1}) of {@code b[i] - a[i]}. */
    private static double differenceVariance(double[] a, double[] b) {
        int k = a.length;
        double mean = 0;
        for (int i = 0; i < k; i++) {
            mean += b[i] - a[i];
        }
        mean /= k;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double d = b[i] - a[i] - mean;
            sum += d * d;
        }
        return sum / (k - 1);
    }
}
