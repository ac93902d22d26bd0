package dev.assay.core.explain.methods;

import dev.assay.core.data.Frame;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.Scorer;
import dev.assay.core.model.Model;
import dev.assay.core.progress.Progress;
import java.util.List;

/**
 * What to explain and how.
 *
 * @param model the model explained
 * @param outputClass the class whose probability is explained; null for a regressor's value or a
 *     classifier's last (positive) class
 * @param data the data; the explained rows and the background are drawn from it
 * @param rows the 0-based indices of the rows explained (permutation importance permutes these rows)
 * @param features the features explained; columns in none keep each row's own value
 * @param background how many rows of {@code data} form the background (a seeded sample)
 * @param seed the seed of the background sample, the coalition samples and the permutations
 * @param scorer how permutation importance scores the model; null for the other methods
 * @param progress where progress is reported, one unit per explained row (per feature for permutation)
 */
public record ExplainRequest(Model model, String outputClass, Frame data, int[] rows, List<Feature> features, int background,
        long seed, Scorer scorer, Progress progress) {

    public ExplainRequest {
        rows = rows.clone();
        features = List.copyOf(features);
    }
}
