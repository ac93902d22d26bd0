package dev.assay.core.anonymity;

import java.util.Arrays;

/**
 * l-diversity of a sensitive column within equivalence classes (Machanavajjhala et al., "l-Diversity: Privacy
 * Beyond k-Anonymity", TKDD 2007), the table's value being the worst class's:
 * <ul>
 *   <li>distinct: the fewest distinct sensitive values in a class;</li>
 *   <li>entropy: the smallest {@code exp(-sum p log p)} over classes, p the class's value shares (the table is
 *       entropy l-diverse for every l up to it);</li>
 *   <li>recursive (c, l): with r1 >= r2 >= ... >= rm a class's value counts, a class is (c, l)-diverse when
 *       {@code r1 < c (r_l + r_{l+1} + ... + r_m)}; {@code recursive} is the largest l every class meets for the
 *       given c (0 when some class fails even l = 1, possible only for c <= 1).</li>
 * </ul>
 *
 * @param distinct the distinct l
 * @param entropy the entropy l
 * @param c the constant of recursive diversity
 * @param recursive the largest l of recursive (c, l)-diversity
 */
public record LDiversity(int distinct, double entropy, double c, int recursive) {

    /** The l-diversity of per-class value counts ({@code counts[class][value]}). */
    static LDiversity of(int[][] counts, double c) {
        int distinct = Integer.MAX_VALUE;
        double entropy = Double.POSITIVE_INFINITY;
        int recursive = Integer.MAX_VALUE;
        for (int[] row : counts) {
            int n = 0;
            int d = 0;
            for (int v : row) {
                n += v;
                d += v > 0 ? 1 : 0;
            }
            double h = 0;
            for (int v : row) {
                if (v > 0) {
                    double p = (double) v / n;
                    h -= p * Math.log(p);
                }
            }
            distinct = Math.min(distinct, d);
            entropy = Math.min(entropy, Math.exp(h));
            recursive = Math.min(recursive, recursiveL(row, c));
        }
        return new LDiversity(distinct, entropy, c, recursive);
    }

    /** The largest l for which {@code r1 < c (r_l + ... + r_m)} holds in one class. */
    static int recursiveL(int[] row, double c) {
        int[] r = Arrays.stream(row).filter(v -> v > 0).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
        long tail = 0;
        for (int v : r) {
            tail += v;
        }
        int best = 0;
        for (int l = 1; l <= r.length; l++) {
            if (r[0] < c * tail) {
                best = l;
            }
            tail -= r[l - 1];
        }
        return best;
    }
}
