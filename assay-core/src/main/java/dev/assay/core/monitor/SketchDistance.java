package dev.assay.core.monitor;

import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * The gap between two CDFs each estimated by a KLL sketch, in one merge of their sorted views: the
 * Kolmogorov-Smirnov statistic {@code D = max |F_a(x) - F_b(x)|} and the Wasserstein distance
 * {@code W1 = integral |F_a(x) - F_b(x)| dx}. With rank errors {@code e_a}, {@code e_b} of the sketches
 * (99% confidence each), {@code |D^ - D| <= e_a + e_b} and {@code |W1^ - W1| <= (e_a + e_b)(max - min)};
 * both are exact while both sketches hold every value.
 *
 * @param ks D
 * @param wasserstein W1
 */
public record SketchDistance(double ks, double wasserstein) {

    /** The gap of two non-empty sketches' sorted views. */
    public static SketchDistance of(DoublesSortedView a, DoublesSortedView b) {
        double[] qa = a.getQuantiles();
        long[] wa = a.getCumulativeWeights();
        double[] qb = b.getQuantiles();
        long[] wb = b.getCumulativeWeights();
        double na = a.getN();
        double nb = b.getN();
        int i = 0;
        int j = 0;
        double max = 0;
        double area = 0;
        double x = Math.min(qa[0], qb[0]);
        while (true) {
            while (i < qa.length && qa[i] <= x) {
                i++;
            }
            while (j < qb.length && qb[j] <= x) {
                j++;
            }
            double diff = Math.abs((i == 0 ? 0 : wa[i - 1] / na) - (j == 0 ? 0 : wb[j - 1] / nb));
            max = Math.max(max, diff);
            if (i == qa.length && j == qb.length) {
                break;
            }
            double next = i == qa.length ? qb[j] : j == qb.length ? qa[i] : Math.min(qa[i], qb[j]);
            area += diff * (next - x);
            x = next;
        }
        return new SketchDistance(max, area);
    }
}
