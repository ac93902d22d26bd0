package dev.assay.core.explain.methods;

import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Importances;
import dev.assay.core.explain.RowExplanation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@link Explainers#run} call: per-row values (Shapley methods) or global importances
 * (permutation), the settings used and the cost in model calls.
 *
 * @param method the method
 * @param explanation the per-row explanation; null for permutation importance
 * @param importances the permutation importances; null for the other methods
 * @param settings the method's settings, for reports
 * @param modelCalls how many times the model was called
 * @param predictedRows how many rows it predicted in total
 */
public record ExplainResult(ExplainMethod method, Explanation explanation, Importances importances,
        Map<String, Object> settings, long modelCalls, long predictedRows) {

    public ExplainResult {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The explained features, in order. */
    public List<String> features() {
        return explanation != null ? explanation.features() : importances.features();
    }

    /**
     * The global importance of each feature, in feature order: the mean absolute value over the rows, or the
     * mean permutation importance (score drop) over the repeats.
     */
    public Map<String, Double> global() {
        if (explanation != null) {
            return explanation.meanAbsolute();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int f = 0; f < importances.features().size(); f++) {
            out.put(importances.features().get(f), importances.mean(f));
        }
        return out;
    }

    /** max over rows of |sum(values) + base - output|; NaN without per-row values. */
    public double additivityError() {
        if (explanation == null) {
            return Double.NaN;
        }
        double max = 0;
        for (RowExplanation r : explanation.rows()) {
            max = Math.max(max, Math.abs(r.sum() + r.base() - r.output()));
        }
        return max;
    }
}
