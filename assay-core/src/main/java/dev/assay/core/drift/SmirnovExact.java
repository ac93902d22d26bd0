package dev.assay.core.drift;

/**
 * The exact two-sided p-value {@code P(D_{m,n} >= h / lcm(m, n))} of the two-sample Kolmogorov-Smirnov
 * statistic under the null hypothesis (no ties), by counting lattice paths: for {@code m == n} the
 * alternating series {@code 2 sum_k (-1)^(k+1) C(2n, n - k h) / C(2n, n)} evaluated Horner-like; else
 * Hodges' inside method with Viehmann's recursion for {@code 1 - p}, one sliding column at a time.
 *
 * <p>Reference: SciPy 1.10.1 {@code _compute_prob_outside_square} and
 * {@code _compute_outer_prob_inside_method} ({@code scipy/stats/_stats_py.py}, {@code _stats_pythran.py}).
 */
final class SmirnovExact {
    private SmirnovExact() {
    }

    /** The p-value for sizes {@code n1, n2} with greatest common divisor {@code g} and {@code D = h / lcm}. */
    static double pValue(int n1, int n2, int g, long h) {
        return n1 == n2 ? outsideSquare(n1, h) : outsideInside(n1, n2, g, h);
    }

    private static double outsideSquare(long n, long h) {
        double p = 0.0;
        long k = (long) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    private static double outsideInside(long m0, long n0, long g, long h) {
        long m = Math.max(m0, n0);
        long n = Math.min(m0, n0);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int curlen = maxj - minj;
        int lenA = (int) Math.min(2L * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (int j = minj; j < maxj; j++) {
            a[j] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = (int) Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(a, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)), 1.0);
            }
        }
        return a[maxj - minj - 1];
    }
}
