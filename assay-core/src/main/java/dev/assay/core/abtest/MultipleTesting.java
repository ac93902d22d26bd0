package dev.assay.core.abtest;

import dev.assay.core.segments.BenjaminiHochberg;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections of p-values across the metrics of one experiment.
 * <ul>
 *   <li>Holm (step-down, 1979), controls the family-wise error rate: with the m p-values sorted
 *       ascending, {@code adj(i) = max over j <= i of min(1, (m − j + 1) p(j))}.</li>
 *   <li>Benjamini-Hochberg (step-up, 1995), controls the false discovery rate
 *       ({@link BenjaminiHochberg}).</li>
 * </ul>
 *
 * <p>Reference: statsmodels 0.13.5 {@code multipletests(p, method="holm")} and {@code method="fdr_bh"},
 * matched to 1e-12 on the Adult A/B fixture and random p-value sets.
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /** Holm-adjusted p-values, in the order of {@code p}. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 1; rank <= m; rank++) {
            int i = order[rank - 1];
            running = Math.max(running, Math.min(1, (m - rank + 1) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Benjamini-Hochberg adjusted p-values, in the order of {@code p}. */
    public static double[] benjaminiHochberg(double[] p) {
        return BenjaminiHochberg.adjust(p);
    }
}
