package dev.assay.core.chart;

import java.util.List;

/** Lines, steps or points in the plane: ROC and precision-recall curves, residual plots. */
public record XYChart(String title, String caption, Axis x, Axis y, List<Series> series) implements Chart {

    public XYChart {
        series = List.copyOf(series);
    }
}
