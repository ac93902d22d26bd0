package dev.assay.core.synth.quality;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * SDMetrics' column-pair scores.
 *
 * <ul>
 *   <li>CorrelationSimilarity = 1 - |r_real - r_synth| / 2, r Pearson's correlation over the complete rows
 *       ({@link Pearson}); range [0, 1]; NaN when either r is undefined;</li>
 *   <li>ContingencySimilarity = 1 - (1/2) sum_(a,b) |P_real(a,b) - P_synth(a,b)|, the total variation distance
 *       of the two columns' joint shares ({@code groupby([a, b], dropna=False).size() / len}); a missing value
 *       is a category of its own, and a numeric column is first cut into the {@value #BINS} equal-width bins of
 *       the real values' range ({@code numpy.histogram_bin_edges(real, 10)}, synthetic values outside it fall
 *       into the end bins), as SDMetrics' quality report discretizes numeric columns.</li>
 * </ul>
 */
public final class PairTrends {
    /** The number of bins a numeric column is cut into for a contingency table. */
    public static final int BINS = 10;

    private PairTrends() {
    }

    /** CorrelationSimilarity of two numeric columns. */
    public static double correlationSimilarity(NumericColumn realA, NumericColumn realB, NumericColumn synthA,
            NumericColumn synthB) {
        double r = Pearson.of(realA.toArray(), realB.toArray());
        double s = Pearson.of(synthA.toArray(), synthB.toArray());
        return 1 - Math.abs(r - s) / 2;
    }

    /** ContingencySimilarity of two columns of any type; numeric columns are binned on the real column's range. */
    public static double contingencySimilarity(Column realA, Column realB, Column synthA, Column synthB) {
        Map<String, Double> p = joint(keys(realA, realA), keys(realB, realB));
        Map<String, Double> q = joint(keys(synthA, realA), keys(synthB, realB));
        Set<String> cells = new HashSet<>(p.keySet());
        cells.addAll(q.keySet());
        double tvd = 0;
        for (String cell : cells) {
            tvd += Math.abs(p.getOrDefault(cell, 0.0) - q.getOrDefault(cell, 0.0));
        }
        return 1 - tvd / 2;
    }

    /** Each row's category: the level, the bin of a numeric value on {@code real}'s range, or "" for missing. */
    private static String[] keys(Column c, Column real) {
        String[] out = new String[c.size()];
        if (c instanceof NumericColumn n) {
            double[] r = ColumnShapes.present((NumericColumn) real);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : r) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            for (int i = 0; i < out.length; i++) {
                double v = n.get(i);
                out[i] = Double.isNaN(v) ? "" : "bin" + bin(v, min, max);
            }
        } else {
            CategoricalColumn cat = (CategoricalColumn) c;
            for (int i = 0; i < out.length; i++) {
                out[i] = cat.isMissing(i) ? "" : "=" + cat.get(i);
            }
        }
        return out;
    }

    /**
     * numpy's histogram bin of {@code v} over the edges {@code min + k (max - min) / 10} ({@code numpy.linspace}):
     * [e_k, e_k+1), the last bin closed; values outside the range fall into the end bins.
     */
    static int bin(double v, double min, double max) {
        if (!(max > min)) {
            return 0;
        }
        double step = (max - min) / BINS;
        int b = 0;
        while (b < BINS - 1 && v >= min + (b + 1) * step) {
            b++;
        }
        return b;
    }

    private static Map<String, Double> joint(String[] a, String[] b) {
        Map<String, Double> out = new HashMap<>();
        double w = 1.0 / a.length;
        for (int i = 0; i < a.length; i++) {
            out.merge(a[i] + "\u0000" + b[i], w, Double::sum);
        }
        return out;
    }
}
