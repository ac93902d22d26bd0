package dev.assay.core.drift;

/**
 * One merge of two sorted samples that yields both functionals of the gap between their empirical
 * CDFs that drift needs: the Kolmogorov-Smirnov statistic {@code D = max |F_a - F_b|} (as SciPy's
 * {@code ks_2samp}, the larger of the one-sided maxima) and the Wasserstein distance
 * {@code W1 = integral |F_a - F_b| dx} (as SciPy's {@code wasserstein_distance}).
 *
 * @param ks D
 * @param wasserstein W1
 */
record EcdfGap(double ks, double wasserstein) {

    /** The gap of two sorted samples without NaN, each non-empty. */
    static EcdfGap of(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        double inv1 = 1.0 / n1;
        double inv2 = 1.0 / n2;
        int i = 0;
        int j = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double area = 0;
        double x = Math.min(a[0], b[0]);
        while (true) {
            while (i < n1 && a[i] <= x) {
                i++;
            }
            while (j < n2 && b[j] <= x) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            max = Math.max(max, diff);
            min = Math.min(min, diff);
            if (i == n1 && j == n2) {
                break;
            }
            double next = i == n1 ? b[j] : j == n2 ? a[i] : Math.min(a[i], b[j]);
            area += Math.abs(diff) * (next - x);
            x = next;
        }
        double minS = Math.max(0, Math.min(1, -min));
        return new EcdfGap(minS > max ? minS : max, area);
    }
}
