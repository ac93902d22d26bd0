package dev.assay.server;

import dev.assay.core.chart.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A per-window value of the selected version as a chart series; windows without the value are left out. */
final class WindowSeries {
    private WindowSeries() {
    }

    /** The series, or null when no window has the value. A lone point is drawn as a marker, since a line needs two. */
    static Series of(String name, ModelOverview m, ToDoubleFunction<WindowView> value, Series.Style style) {
        List<double[]> points = new ArrayList<>();
        for (WindowView w : m.windows) {
            double y = value.applyAsDouble(w);
            if (Double.isFinite(y)) {
                points.add(new double[] {m.x(w.start()), y});
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return new Series(name, x, y, points.size() == 1 && style != Series.Style.GUIDE ? Series.Style.MARKER : style);
    }

    /** The non-null series of {@code candidates}. */
    static List<Series> present(Series... candidates) {
        List<Series> out = new ArrayList<>();
        for (Series s : candidates) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
