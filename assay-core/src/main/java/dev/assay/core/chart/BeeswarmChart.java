package dev.assay.core.chart;

import java.util.List;

/**
 * A summary of many rows' contributions: one line per feature, each row a point at its contribution,
 * coloured by where the feature's value lies in its range (0 low, 1 high).
 *
 * @param features the feature labels, top to bottom
 * @param values {@code values.get(f)}: the contribution of feature f in each row
 * @param shades {@code shades.get(f)}: the feature's value in each row scaled to [0, 1]; NaN for a value
 *     that has no order (a category) or is missing, drawn neutral
 */
public record BeeswarmChart(String title, String caption, String valueAxisLabel, List<String> features, List<double[]> values,
        List<double[]> shades) implements Chart {

    public BeeswarmChart {
        features = List.copyOf(features);
        if (values.size() != features.size() || shades.size() != features.size()) {
            throw new IllegalArgumentException(values.size() + " value and " + shades.size() + " shade rows for " + features.size()
                    + " features");
        }
        for (int f = 0; f < values.size(); f++) {
            if (values.get(f).length != shades.get(f).length) {
                throw new IllegalArgumentException("feature " + features.get(f) + " has " + values.get(f).length + " values and "
                        + shades.get(f).length + " shades");
            }
        }
        values = values.stream().map(double[]::clone).toList();
        shades = shades.stream().map(double[]::clone).toList();
    }
}
