package dev.assay.core.compare;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The ROC AUC of one scorer with DeLong's standard error and a normal (Wald) interval, from the
 * structural components of {@link StructuralComponents}:
 * <pre>
 *   se       = sqrt(var(V10) / m + var(V01) / n)      (sample variances, divisor m - 1 and n - 1)
 *   interval = auc ± Φ⁻¹(1 - (1 - confidence) / 2) se, clipped to [0, 1]
 * </pre>
 * Edge cases: fewer than two positive or two negative rows, or a NaN score, throw
 * {@link IllegalArgumentException} naming the problem.
 *
 * <p>Reference: the AUC matches scikit-learn 1.2.1 {@code roc_auc_score}; the variance is the
 * single-model case of {@link DeLongTest} (DeLong et al. 1988), matched by the same numpy formula.
 *
 * @param auc the ROC AUC
 * @param standardError DeLong's standard error
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param confidence the level of the interval
 * @param positives the number of positive rows
 * @param negatives the number of negative rows
 */
public record AucInterval(double auc, double standardError, double lower, double upper, double confidence, int positives,
        int negatives) {

    /**
     * @param positive whether row {@code i} is positive
     * @param scores the score of row {@code i}, higher meaning more positive
     * @param confidence the level of the interval, e.g. 0.95
     */
    public static AucInterval of(boolean[] positive, double[] scores, double confidence) {
        DeLongTest same = DeLongTest.of(positive, scores, scores, confidence);
        int m = same.positives();
        int n = same.negatives();
        double[] pos = new double[m];
        double[] neg = new double[n];
        int p = 0;
        int q = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i]) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
        StructuralComponents c = StructuralComponents.of(pos, neg);
        double se = Math.sqrt(variance(c.v10()) / m + variance(c.v01()) / n);
        double half = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2) * se;
        return new AucInterval(c.auc(), se, Math.max(0, c.auc() - half), Math.min(1, c.auc() + half), confidence, m, n);
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double sum = 0;
        for (double x : v) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (v.length - 1);
    }
}
