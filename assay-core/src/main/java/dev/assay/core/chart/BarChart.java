package dev.assay.core.chart;

import java.util.List;

/**
 * Bars for categories, one bar per category and series, e.g. a metric per group, optionally each
 * with an interval drawn as a whisker.
 *
 * @param categories the category labels along the axis
 * @param series one {@code double[]} per series, each with one value per category
 * @param seriesNames the legend entries, one per series
 * @param lower the lower interval bound of each bar, one {@code double[]} per series (NaN for none);
 *     empty when the bars have no intervals
 * @param upper the upper interval bound of each bar, shaped as {@code lower}
 */
public record BarChart(String title, String caption, String valueAxisLabel, List<String> categories,
        List<String> seriesNames, List<double[]> series, List<double[]> lower, List<double[]> upper) implements Chart {

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
        if (lower.size() != upper.size() || !lower.isEmpty() && lower.size() != series.size()) {
            throw new IllegalArgumentException(lower.size() + " lower and " + upper.size() + " upper bound series for "
                    + series.size() + " series");
        }
        for (int s = 0; s < lower.size(); s++) {
            if (lower.get(s).length != categories.size() || upper.get(s).length != categories.size()) {
                throw new IllegalArgumentException("the bounds of series " + s + " do not have one value per category");
            }
        }
        series = series.stream().map(double[]::clone).toList();
        lower = lower.stream().map(double[]::clone).toList();
        upper = upper.stream().map(double[]::clone).toList();
    }

    /** Bars without intervals. */
    public BarChart(String title, String caption, String valueAxisLabel, List<String> categories, List<String> seriesNames,
            List<double[]> series) {
        this(title, caption, valueAxisLabel, categories, seriesNames, series, List.of(), List.of());
    }

    /** Whether the bars carry intervals. */
    public boolean hasIntervals() {
        return !lower.isEmpty();
    }
}
