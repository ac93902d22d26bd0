package dev.assay.core.checks;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.RowSample;
import dev.assay.core.explain.pdp.GridAxis;
import dev.assay.core.explain.pdp.PartialDependence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The charts of the partial dependence check: a curve with a seeded sample of ICE curves, bars for levels, a heatmap for a pair. */
final class PartialDependenceCharts {
    /** The most grid points per column of a pair's heatmap. */
    static final int PAIR_GRID = 10;

    private PartialDependenceCharts() {
    }

    /** The partial dependence of one column with up to {@code lines} ICE curves (a bar chart for a categorical column). */
    static Chart curve(PartialDependence pd, String what, int lines, boolean centred, long seed) {
        GridAxis axis = pd.axes().get(0);
        String title = (centred ? "Centred partial dependence" : "Partial dependence") + " on " + axis.column();
        if (axis.categorical()) {
            return new BarChart(title, "Mean " + what + " with " + axis.column() + " set to each level, over "
                    + pd.individual().length + " rows.", what, axis.levels(), List.of("partial dependence"), List.of(pd.average()),
                    List.of(), List.of());
        }
        int rows = pd.individual().length;
        int[] shown = rows <= lines ? IntStream.range(0, rows).toArray() : RowSample.indices(rows, lines, seed);
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < shown.length; k++) {
            series.add(new Series(k == 0 ? "ICE, " + shown.length + " rows" : "", axis.values(), pd.individual()[shown[k]],
                    Series.Style.GUIDE));
        }
        series.add(new Series("partial dependence", axis.values(), pd.average(), Series.Style.LINE));
        return new XYChart(title, "Mean " + what + " over " + rows + " rows with " + axis.column() + " set to each grid value"
                + (shown.length > 0 ? "; dashed: single rows (ICE)" : "") + (centred ? ", all minus their value at the first point."
                : "."), Axis.auto(axis.column()), Axis.auto(centred ? what + " change" : what), series);
    }

    /** Grid values to four significant digits, levels as they are. */
    private static List<String> labels(GridAxis axis) {
        return IntStream.range(0, axis.size()).mapToObj(k -> axis.categorical() ? axis.levels().get(k)
                : NumberText.format(Double.parseDouble(String.format(Locale.ROOT, "%.4g", axis.values()[k])))).toList();
    }

    /** The partial dependence of a pair as a heatmap: rows the first column's grid, columns the second's. */
    static Chart heatmap(PartialDependence pd, String what) {
        GridAxis a = pd.axes().get(0);
        GridAxis b = pd.axes().get(1);
        double[][] values = new double[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            values[i] = Arrays.copyOfRange(pd.average(), i * b.size(), (i + 1) * b.size());
        }
        List<String> rowLabels = labels(a);
        List<String> columnLabels = labels(b);
        return new HeatmapChart("Partial dependence on " + a.column() + " and " + b.column(), "Mean " + what + " over "
                + pd.individual().length + " rows with both columns set to each pair of grid values.", a.column(), b.column(),
                rowLabels, columnLabels, values);
    }
}
