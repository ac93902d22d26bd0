package dev.assay.core.profile;

import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * The gap between a reference CDF estimated by a KLL sketch and the exact empirical CDF of a current
 * sample, in one merge of the sketch's sorted view with the sorted current values: the Kolmogorov-Smirnov
 * statistic {@code D = max |F_ref(x) - F_cur(x)|} and the Wasserstein distance
 * {@code W1 = integral |F_ref(x) - F_cur(x)| dx} (the area between the two quantile functions).
 *
 * <p>Error: the sketch's rank error {@code e} bounds {@code |F^_ref(x) - F_ref(x)|} for every {@code x}
 * (99% confidence), so {@code |D^ - D| <= e} and {@code |W1^ - W1| <= e (max - min)} over the range of
 * both samples. Between two sketches ({@link #between}) the rank errors add: {@code e = e_ref + e_cur}.
 *
 * @param ks D from the sketch
 * @param wasserstein W1 from the sketch
 */
public record SketchGap(double ks, double wasserstein) {

    /** The gap of the sketched reference {@code view} and the sorted, non-empty current sample {@code cur}. */
    static SketchGap of(DoublesSortedView view, double[] cur) {
        double[] q = view.getQuantiles();
        long[] cw = view.getCumulativeWeights();
        double total = view.getN();
        int m = q.length;
        int n = cur.length;
        int i = 0;
        int j = 0;
        double max = 0;
        double area = 0;
        double x = Math.min(q[0], cur[0]);
        while (true) {
            while (i < m && q[i] <= x) {
                i++;
            }
            while (j < n && cur[j] <= x) {
                j++;
            }
            double diff = Math.abs((i == 0 ? 0 : cw[i - 1] / total) - (double) j / n);
            max = Math.max(max, diff);
            if (i == m && j == n) {
                break;
            }
            double next = i == m ? cur[j] : j == n ? q[i] : Math.min(q[i], cur[j]);
            area += diff * (next - x);
            x = next;
        }
        return new SketchGap(max, area);
    }

    /** The gap of two non-empty sketched samples, each given by its sorted view (retained values, cumulative weights). */
    public static SketchGap between(DoublesSortedView ref, DoublesSortedView cur) {
        double[] q = ref.getQuantiles();
        long[] cw = ref.getCumulativeWeights();
        double[] r = cur.getQuantiles();
        long[] rw = cur.getCumulativeWeights();
        double n1 = ref.getN();
        double n2 = cur.getN();
        int i = 0;
        int j = 0;
        double max = 0;
        double area = 0;
        double x = Math.min(q[0], r[0]);
        while (true) {
            while (i < q.length && q[i] <= x) {
                i++;
            }
            while (j < r.length && r[j] <= x) {
                j++;
            }
            double diff = Math.abs((i == 0 ? 0 : cw[i - 1] / n1) - (j == 0 ? 0 : rw[j - 1] / n2));
            max = Math.max(max, diff);
            if (i == q.length && j == r.length) {
                break;
            }
            double next = i == q.length ? r[j] : j == r.length ? q[i] : Math.min(q[i], r[j]);
            area += diff * (next - x);
            x = next;
        }
        return new SketchGap(max, area);
    }
}
