package dev.assay.core.explain.lime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** How LIME picks the features of its local model, as lime 0.2's {@code LimeBase.feature_selection}. */
public enum FeatureSelection {
    /** Forward selection up to 6 features, highest weights beyond. */
    AUTO,
    /** Greedy: add the feature whose least-squares fit (Ridge alpha 0) has the highest weighted R^2. */
    FORWARD_SELECTION,
    /** The largest |coef_j x_0j| of a Ridge (alpha 0.01) fit on every feature, x_0 the explained row. */
    HIGHEST_WEIGHTS,
    /** Every feature. */
    NONE;

    /** The indices of the selected columns of {@code x}, in the order chosen. */
    int[] select(double[][] x, double[] y, double[] w, int features) {
        int d = x[0].length;
        int k = Math.min(features, d);
        FeatureSelection method = this == AUTO ? (features <= 6 ? FORWARD_SELECTION : HIGHEST_WEIGHTS) : this;
        if (method == NONE) {
            return IntStream.range(0, d).toArray();
        }
        if (method == HIGHEST_WEIGHTS) {
            WeightedRidge fit = WeightedRidge.fit(x, IntStream.range(0, d).toArray(), y, w, 0.01);
            return IntStream.range(0, d).boxed().sorted(Comparator.comparingDouble(j -> -Math.abs(fit.coef()[j] * x[0][j])))
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        List<Integer> used = new ArrayList<>();
        for (int step = 0; step < k; step++) {
            double max = -1e8;
            int best = 0;
            for (int j = 0; j < d; j++) {
                if (used.contains(j)) {
                    continue;
                }
                int[] trial = IntStream.concat(used.stream().mapToInt(Integer::intValue), IntStream.of(j)).toArray();
                double score = WeightedRidge.fit(x, trial, y, w, 0).score(x, trial, y, w);
                if (score > max) {
                    best = j;
                    max = score;
                }
            }
            used.add(best);
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }
}
