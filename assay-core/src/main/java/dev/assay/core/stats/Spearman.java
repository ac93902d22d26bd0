package dev.assay.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: the Pearson correlation of the values' ranks, tied values sharing the mean
 * of their ranks. Range [-1, 1]; NaN when either input is constant (no rank varies), as SciPy.
 * Edge cases: inputs of different length are rejected; fewer than two values give NaN; NaN values are not
 * allowed (callers drop them first).
 * Reference: {@code scipy.stats.spearmanr(x, y).correlation} (SciPy 1.10.1), to 1e-12.
 */
public final class Spearman {

    private Spearman() {
    }

    /** The rank correlation of {@code x} and {@code y}. */
    public static double correlation(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values, " + y.length + " y values");
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElseThrow();
        double my = Arrays.stream(ry).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Ascending ranks 1..n, ties sharing the mean of their ranks ({@code scipy.stats.rankdata(method="average")}).
     *
     * @throws IllegalArgumentException on a NaN value
     */
    public static double[] ranks(double[] values) {
        if (Arrays.stream(values).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException("ranks of NaN are undefined");
        }
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] out = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                out[order[k]] = rank;
            }
            i = j + 1;
        }
        return out;
    }
}
