package dev.assay.core.explain;

import java.util.Arrays;
import java.util.List;

/**
 * Permutation importances: per feature and repeat, the baseline score minus the score with the feature
 * permuted.
 *
 * @param features the feature names, in the order of {@code importances}
 * @param baseline the score on the unpermuted data
 * @param importances {@code importances[f][k]}: feature f, repeat k
 */
public record Importances(List<String> features, double baseline, double[][] importances) {

    public Importances {
        features = List.copyOf(features);
    }

    /** The mean importance of feature {@code f} over the repeats. */
    public double mean(int f) {
        return Arrays.stream(importances[f]).average().orElse(Double.NaN);
    }

    /** The population standard deviation (ddof 0, as scikit-learn's) of feature {@code f}'s importances. */
    public double std(int f) {
        double m = mean(f);
        return Math.sqrt(Arrays.stream(importances[f]).map(v -> (v - m) * (v - m)).sum() / importances[f].length);
    }
}
