package dev.assay.core.resample;

/**
 * NumPy's {@code np.sum} of a float64 array: pairwise summation, eight running sums over blocks of up to
 * 128 values, so a total equals NumPy's to the last bit (reference: NumPy {@code pairwise_sum_DOUBLE}).
 */
final class PairwiseSum {
    private PairwiseSum() {
    }

    static double of(double[] a) {
        return sum(a, 0, a.length);
    }

    private static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double s = -0.0;
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[from + j];
            }
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }
}
