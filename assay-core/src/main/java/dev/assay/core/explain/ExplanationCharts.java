package dev.assay.core.explain;

import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.BeeswarmChart;
import dev.assay.core.chart.WaterfallChart;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The charts of an explanation: global importance bars, a beeswarm summary of the rows' values and one
 * waterfall per row. Each shows at most {@value #TOP} features, the most important first; a waterfall
 * sums the rest into one bar.
 */
public final class ExplanationCharts {
    /** The most features drawn. */
    public static final int TOP = 12;

    private ExplanationCharts() {
    }

    /** Bars of the global importance, largest first. */
    public static BarChart importance(Map<String, Double> global, String what) {
        List<String> names = global.keySet().stream().sorted(Comparator.comparingDouble((String f) -> -global.get(f))).limit(TOP)
                .toList();
        double[] values = names.stream().mapToDouble(global::get).toArray();
        return new BarChart("Global importance", "The " + what + " of each feature, largest first"
                + (global.size() > TOP ? " (the top " + TOP + " of " + global.size() + ")" : "") + ".", what, names,
                List.of(what), List.of(values));
    }

    /**
     * One line per feature (most important first), each explained row a point at its contribution, shaded by
     * the feature's value among the explained rows (numeric single-column features; others are neutral).
     */
    public static BeeswarmChart beeswarm(Explanation e, Frame data, List<Feature> features) {
        List<Integer> order = byImportance(e);
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<double[]> shades = new ArrayList<>();
        for (int f : order) {
            names.add(e.features().get(f));
            values.add(e.rows().stream().mapToDouble(r -> r.values()[f]).toArray());
            shades.add(shades(e, data, features.get(f)));
        }
        return new BeeswarmChart("Contributions by row", "Each dot is one explained row: its contribution to the output,"
                + " blue for a low and orange for a high value of the feature.", "contribution to the output", names, values,
                shades);
    }

    /** Waterfalls of the first {@code max} rows: base value, contributions by size, output. */
    public static List<WaterfallChart> waterfalls(Explanation e, Frame data, List<Feature> features, int max) {
        List<WaterfallChart> out = new ArrayList<>();
        for (RowExplanation r : e.rows().subList(0, Math.min(max, e.rows().size()))) {
            Integer[] order = IntStream.range(0, r.values().length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -Math.abs(r.values()[f])));
            int shown = Math.min(order.length, order.length > TOP ? TOP - 1 : TOP);
            List<String> labels = new ArrayList<>();
            double[] contributions = new double[shown + (order.length > shown ? 1 : 0)];
            for (int i = 0; i < order.length; i++) {
                if (i < shown) {
                    labels.add(label(data, features.get(order[i]), r.row()));
                    contributions[i] = r.values()[order[i]];
                } else {
                    contributions[shown] += r.values()[order[i]];
                }
            }
            if (order.length > shown) {
                labels.add((order.length - shown) + " other features");
            }
            out.add(new WaterfallChart("Row " + r.row(), "From the base value (the mean output over the background) to the"
                    + " row's output, largest contributions first.", "model output", r.base(), labels, contributions, r.output()));
        }
        return out;
    }

    private static String label(Frame data, Feature f, int row) {
        if (f.columns().size() != 1) {
            return f.name();
        }
        return f.name() + " = " + data.column(f.columns().get(0)).format(row);
    }

    private static List<Integer> byImportance(Explanation e) {
        List<Double> mean = new ArrayList<>(e.meanAbsolute().values());
        return IntStream.range(0, mean.size()).boxed().sorted(Comparator.comparingDouble((Integer f) -> -mean.get(f))).limit(TOP)
                .toList();
    }

    private static double[] shades(Explanation e, Frame data, Feature f) {
        double[] out = new double[e.rows().size()];
        Arrays.fill(out, Double.NaN);
        Column c = f.columns().size() == 1 ? data.column(f.columns().get(0)) : null;
        if (!(c instanceof NumericColumn n)) {
            return out;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RowExplanation r : e.rows()) {
            double v = n.get(r.row());
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        for (int i = 0; i < out.length; i++) {
            double v = n.get(e.rows().get(i).row());
            out[i] = Double.isNaN(v) ? Double.NaN : hi > lo ? (v - lo) / (hi - lo) : 0.5;
        }
        return out;
    }
}
