package dev.assay.core.fairness;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for many tests at once.
 *
 * <ul>
 *   <li>{@link #HOLM} (Holm 1979), controls the family-wise error rate: with p sorted ascending,
 *   {@code p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j))}.</li>
 *   <li>{@link #BENJAMINI_HOCHBERG} (1995), controls the false discovery rate:
 *   {@code p̃_(i) = min_{j ≥ i} min(1, m p_(j) / j)}.</li>
 * </ul>
 *
 * <p>Reference: statsmodels 0.13.5 {@code multipletests(p, method='holm')} and {@code method='fdr_bh'},
 * matched to 1e-12 on {@code golden/fairness/fairness_golden.json}. NaN p-values are not allowed.
 */
public enum MultipleTesting {
    /** Holm's step-down method (family-wise error rate). */
    HOLM,
    /** Benjamini and Hochberg's step-up method (false discovery rate). */
    BENJAMINI_HOCHBERG;

    /** The adjusted p-values, in the order of {@code p}. */
    public double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] out = new double[m];
        if (this == HOLM) {
            double running = 0;
            for (int rank = 0; rank < m; rank++) {
                running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
                out[order[rank]] = running;
            }
        } else {
            double running = 1;
            for (int rank = m - 1; rank >= 0; rank--) {
                running = Math.min(running, Math.min(1, m * p[order[rank]] / (rank + 1)));
                out[order[rank]] = running;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return this == HOLM ? "holm" : "fdr_bh";
    }

}
