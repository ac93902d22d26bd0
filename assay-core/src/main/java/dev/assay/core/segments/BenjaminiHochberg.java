package dev.assay.core.segments;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg adjusted p-values (step-up, 1995): with the m p-values sorted ascending,
 * {@code adj(i) = min over j >= i of min(1, p(j) · m / j)}; rejecting every hypothesis with
 * {@code adj <= q} controls the false discovery rate at {@code q} for independent or positively
 * dependent tests.
 *
 * <p>Reference: statsmodels 0.13.5 {@code multipletests(p, method="fdr_bh")[1]}, matched to 1e-12
 * in {@code golden/segments_adult.json}.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /** The adjusted p-values, in the order of {@code p}. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            adjusted[i] = Math.min(1, running);
        }
        return adjusted;
    }
}
