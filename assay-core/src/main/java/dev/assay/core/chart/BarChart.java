package dev.assay.core.chart;

import java.util.List;

/**
 * Bars for categories, one bar per category and series, e.g. a metric per group.
 *
 * @param categories the category labels along the axis
 * @param series one {@code double[]} per series, each with one value per category
 * @param seriesNames the legend entries, one per series
 */
public record BarChart(String title, String caption, String valueAxisLabel, List<String> categories,
        List<String> seriesNames, List<double[]> series) implements Chart {

    public BarChart {
        categories = List.copyOf(categories);
        seriesNames = List.copyOf(seriesNames);
        if (seriesNames.size() != series.size()) {
            throw new IllegalArgumentException(seriesNames.size() + " series names for " + series.size() + " series");
        }
        for (double[] s : series) {
            if (s.length != categories.size()) {
                throw new IllegalArgumentException("a series has " + s.length + " values for " + categories.size() + " categories");
            }
        }
        series = series.stream().map(double[]::clone).toList();
    }
}
