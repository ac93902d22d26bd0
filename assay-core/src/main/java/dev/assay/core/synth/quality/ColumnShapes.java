package dev.assay.core.synth.quality;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.NumericColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * SDMetrics' column-shape scores.
 *
 * <ul>
 *   <li>KSComplement = 1 - D, D the two-sample Kolmogorov-Smirnov statistic of the non-missing real and
 *       synthetic values ({@code 1 - scipy.stats.ks_2samp(real.dropna(), synth.dropna()).statistic}); range
 *       [0, 1], higher is better;</li>
 *   <li>TVComplement = 1 - TVD, TVD = (1/2) sum_c |p_real(c) - p_synth(c)| over the categories of either column,
 *       shares among the non-missing values ({@code pandas value_counts(normalize=True)}); range [0, 1].</li>
 * </ul>
 * Edge cases: a column with no value on one side gives NaN.
 */
public final class ColumnShapes {
    private ColumnShapes() {
    }

    /** KSComplement of a numeric column. */
    public static double ksComplement(NumericColumn real, NumericColumn synthetic) {
        double[] r = present(real);
        double[] s = present(synthetic);
        if (r.length == 0 || s.length == 0) {
            return Double.NaN;
        }
        return 1 - KolmogorovSmirnovTest.withDefaults().statistic(r, s);
    }

    /** TVComplement of a categorical column, categories matched by name. */
    public static double tvComplement(CategoricalColumn real, CategoricalColumn synthetic) {
        Map<String, Double> p = shares(real);
        Map<String, Double> q = shares(synthetic);
        if (p.isEmpty() || q.isEmpty()) {
            return Double.NaN;
        }
        double tvd = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            tvd += Math.abs(e.getValue() - q.getOrDefault(e.getKey(), 0.0));
        }
        for (Map.Entry<String, Double> e : q.entrySet()) {
            if (!p.containsKey(e.getKey())) {
                tvd += e.getValue();
            }
        }
        return 1 - tvd / 2;
    }

    static double[] present(NumericColumn c) {
        return Arrays.stream(c.toArray()).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static Map<String, Double> shares(CategoricalColumn c) {
        long[] counts = c.levelCounts();
        long n = c.size() - c.missingCount();
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                out.put(c.levels().get(k), counts[k] / (double) n);
            }
        }
        return out;
    }
}
