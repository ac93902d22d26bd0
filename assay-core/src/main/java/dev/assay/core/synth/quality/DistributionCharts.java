package dev.assay.core.synth.quality;

import dev.assay.core.chart.BarChart;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Real against synthetic distributions, one bar chart per column: the share of values in each of the
 * {@value PairTrends#BINS} equal-width bins of the real range (numeric), or in each of the {@value #CATEGORIES}
 * most frequent real categories plus "other" (categorical); missing values are a bar of their own when either
 * side has any.
 */
public final class DistributionCharts {
    /** The categories shown before the rest are pooled as "other". */
    public static final int CATEGORIES = 8;

    private DistributionCharts() {
    }

    /** One chart per real column, in column order; columns absent from {@code synthetic} are skipped. */
    public static List<BarChart> of(Frame real, Frame synthetic) {
        List<BarChart> out = new ArrayList<>();
        for (Column r : real.columns()) {
            if (!synthetic.has(r.name()) || synthetic.column(r.name()).getClass() != r.getClass()) {
                continue;
            }
            Column s = synthetic.column(r.name());
            if (r instanceof NumericColumn n) {
                out.add(numeric(n, (NumericColumn) s));
            } else if (r instanceof CategoricalColumn c) {
                out.add(categorical(c, (CategoricalColumn) s));
            }
        }
        return out;
    }

    private static BarChart numeric(NumericColumn real, NumericColumn synthetic) {
        double[] r = ColumnShapes.present(real);
        double min = Arrays.stream(r).min().orElse(0);
        double max = Arrays.stream(r).max().orElse(0);
        boolean missing = r.length < real.size() || ColumnShapes.present(synthetic).length < synthetic.size();
        int bars = PairTrends.BINS + (missing ? 1 : 0);
        List<String> labels = new ArrayList<>();
        double step = (max - min) / PairTrends.BINS;
        for (int b = 0; b < PairTrends.BINS; b++) {
            labels.add(String.format(Locale.ROOT, "%s to %s", number(min + b * step), number(min + (b + 1) * step)));
        }
        if (missing) {
            labels.add("missing");
        }
        return chart(real.name(), labels, shares(real, min, max, bars), shares(synthetic, min, max, bars));
    }

    private static double[] shares(NumericColumn c, double min, double max, int bars) {
        double[] out = new double[bars];
        for (int i = 0; i < c.size(); i++) {
            double v = c.get(i);
            out[Double.isNaN(v) ? bars - 1 : PairTrends.bin(v, min, max)] += 1.0 / c.size();
        }
        return out;
    }

    private static BarChart categorical(CategoricalColumn real, CategoricalColumn synthetic) {
        long[] counts = real.levelCounts();
        List<String> top = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                top.add(real.levels().get(k));
            }
        }
        top.sort(Comparator.comparingLong((String l) -> counts[real.levels().indexOf(l)]).reversed());
        List<String> labels = new ArrayList<>(top.subList(0, Math.min(CATEGORIES, top.size())));
        boolean other = top.size() > CATEGORIES || synthetic.levels().stream().anyMatch(l -> !top.contains(l));
        boolean missing = real.missingCount() > 0 || synthetic.missingCount() > 0;
        List<String> bars = new ArrayList<>(labels);
        if (other) {
            bars.add("other");
        }
        if (missing) {
            bars.add("missing");
        }
        return chart(real.name(), bars, shares(real, labels, bars.size(), other), shares(synthetic, labels, bars.size(), other));
    }

    private static double[] shares(CategoricalColumn c, List<String> labels, int bars, boolean other) {
        double[] out = new double[bars];
        for (int i = 0; i < c.size(); i++) {
            int k = c.isMissing(i) ? bars - 1 : labels.indexOf(c.get(i));
            out[k >= 0 ? k : labels.size()] += 1.0 / c.size();
        }
        return out;
    }

    private static BarChart chart(String column, List<String> labels, double[] real, double[] synthetic) {
        return new BarChart(column, "Share of rows, real against synthetic", "share of rows", labels,
                List.of("real", "synthetic"), List.of(real, synthetic));
    }

    private static String number(double v) {
        return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
