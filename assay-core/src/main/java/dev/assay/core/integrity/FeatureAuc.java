package dev.assay.core.integrity;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.stats.ScoreSample;
import java.util.HashMap;
import java.util.Map;

/**
 * How well one feature alone separates the two classes of a label: the ROC AUC of the feature used
 * as a score, folded to {@code max(auc, 1 - auc)} so that a feature predicting either class scores
 * high (0.5: no information, 1: the label can be read off the feature). A numeric feature scores by
 * its value over the rows where it is present; a category or text feature scores by its target
 * rate, the share of positive labels among the rows with that value (a missing value is one more
 * value), which is the best a model of that feature alone can rank.
 *
 * <p>Reference: {@code roc_auc_score(y, x)} of scikit-learn for numbers, and of
 * {@code x.map(y.groupby(x).mean())} for categories, folded as above; 1e-12.
 */
final class FeatureAuc {
    private FeatureAuc() {
    }

    /** The folded AUC of {@code feature} for {@code positive}; NaN when the rows used hold one class only. */
    static double of(Column feature, boolean[] positive) {
        int n = positive.length;
        boolean[] truth = new boolean[n];
        double[] score = new double[n];
        int m = 0;
        if (feature instanceof NumericColumn num) {
            for (int i = 0; i < n; i++) {
                if (!num.isMissing(i)) {
                    truth[m] = positive[i];
                    score[m++] = num.get(i);
                }
            }
        } else {
            Map<String, int[]> rates = new HashMap<>();
            String[] values = ColumnChoice.text(feature);
            for (int i = 0; i < n; i++) {
                int[] c = rates.computeIfAbsent(String.valueOf(values[i]), k -> new int[2]);
                c[0]++;
                c[1] += positive[i] ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                int[] c = rates.get(String.valueOf(values[i]));
                truth[m] = positive[i];
                score[m++] = (double) c[1] / c[0];
            }
        }
        ScoreSample sample = new ScoreSample();
        sample.addAll(truth, score, null, 0, m);
        var curve = sample.result();
        if (curve.positives() == 0 || curve.negatives() == 0) {
            return Double.NaN;
        }
        double auc = curve.rocAuc();
        return Math.max(auc, 1 - auc);
    }
}
