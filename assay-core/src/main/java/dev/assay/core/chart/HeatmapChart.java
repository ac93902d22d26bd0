package dev.assay.core.chart;

import java.util.List;

/**
 * A matrix of numbers with row and column labels, e.g. a confusion matrix (rows: true class,
 * columns: predicted class).
 *
 * @param values {@code values[row][column]}
 */
public record HeatmapChart(String title, String caption, String rowAxisLabel, String columnAxisLabel,
        List<String> rowLabels, List<String> columnLabels, double[][] values) implements Chart {

    public HeatmapChart {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (values.length != rowLabels.size()) {
            throw new IllegalArgumentException(values.length + " rows of values for " + rowLabels.size() + " row labels");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != columnLabels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values for " + columnLabels.size() + " columns");
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }
}
