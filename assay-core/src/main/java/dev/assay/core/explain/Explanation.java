package dev.assay.core.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Additive explanations of some rows: base value plus the contributions of a row equals its output.
 *
 * @param method how the values were computed, e.g. {@code exact} or {@code kernel_shap}
 * @param link the scale of base value, outputs and values
 * @param features the explained features, in the order of each row's values
 * @param rows one explanation per explained row
 */
public record Explanation(String method, Link link, List<String> features, List<RowExplanation> rows) {

    public Explanation {
        features = List.copyOf(features);
        rows = List.copyOf(rows);
    }

    /**
     * The base value: link(E f(z)), the mean output over the background; the mean of the rows' bases
     * when columns outside every feature make them differ (NaN without rows).
     */
    public double baseValue() {
        return rows.stream().mapToDouble(RowExplanation::base).average().orElse(Double.NaN);
    }

    /** The mean absolute value of each feature over the rows (global importance), in feature order. */
    public Map<String, Double> meanAbsolute() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int f = 0; f < features.size(); f++) {
            double sum = 0;
            for (RowExplanation r : rows) {
                sum += Math.abs(r.values()[f]);
            }
            out.put(features.get(f), rows.isEmpty() ? Double.NaN : sum / rows.size());
        }
        return out;
    }
}
