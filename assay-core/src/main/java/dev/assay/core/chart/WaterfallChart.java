package dev.assay.core.chart;

import java.util.List;

/**
 * How one output is built from a base value: a bar per contribution, each starting where the previous
 * ended, from {@code base} to {@code output} (an additive explanation of one row).
 *
 * @param base where the first bar starts
 * @param labels one label per contribution, e.g. {@code "age = 35"}, in drawing order
 * @param contributions the signed contributions, in drawing order
 * @param output where the last bar ends (base plus the contributions, up to rounding)
 */
public record WaterfallChart(String title, String caption, String valueAxisLabel, double base, List<String> labels,
        double[] contributions, double output) implements Chart {

    public WaterfallChart {
        labels = List.copyOf(labels);
        if (labels.size() != contributions.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + contributions.length + " contributions");
        }
        contributions = contributions.clone();
    }
}
