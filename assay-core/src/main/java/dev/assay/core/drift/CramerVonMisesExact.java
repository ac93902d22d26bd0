package dev.assay.core.drift;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.numbers.combinatorics.BinomialCoefficientDouble;

/**
 * The exact null distribution of the two-sample Cramér-von Mises statistic in its integer form
 * (Hájek, Šidák and Sen; Xiao et al. 2007): a walk over the lattice paths from (0, 0) to (n, m)
 * accumulating {@code (a v - b u)^2} with {@code a = lcm/m}, {@code b = lcm/n}, counting how many paths
 * reach each sum; the p-value is the share of paths whose sum is at least that of the data.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats._hypotests._pval_cvm_2samp_exact}.
 */
final class CramerVonMisesExact {
    private CramerVonMisesExact() {
    }

    /** The p-value of {@code U} (SciPy's {@code s}) for sample sizes {@code m} and {@code n}, each at most 20. */
    static double pValue(double s, int m, int n) {
        long lcm = lcm(m, n);
        long a = lcm / m;
        long b = lcm / n;
        double mn = (double) m * n;
        double zeta = Math.floor((double) lcm * lcm * (m + n) * (6 * s - mn * (4 * mn - 1)) / (6 * mn * mn));
        double combinations = BinomialCoefficientDouble.value(m + n, m);
        @SuppressWarnings("unchecked")
        Map<Long, Long>[] gs = new Map[m + 1];
        for (int v = 0; v <= m; v++) {
            gs[v] = new HashMap<>();
        }
        gs[0].put(0L, 1L);
        for (int u = 0; u <= n; u++) {
            @SuppressWarnings("unchecked")
            Map<Long, Long>[] next = new Map[m + 1];
            Map<Long, Long> tmp = new HashMap<>();
            for (int v = 0; v <= m; v++) {
                Map<Long, Long> merged = new HashMap<>(tmp);
                gs[v].forEach((key, freq) -> merged.merge(key, freq, Long::sum));
                long add = (a * v - b * u) * (a * v - b * u);
                tmp = new HashMap<>();
                for (Map.Entry<Long, Long> e : merged.entrySet()) {
                    tmp.put(e.getKey() + add, e.getValue());
                }
                next[v] = tmp;
            }
            gs = next;
        }
        long count = 0;
        for (Map.Entry<Long, Long> e : gs[m].entrySet()) {
            if (e.getKey() >= zeta) {
                count += e.getValue();
            }
        }
        return count / combinations;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
