package dev.assay.core.compare;

import dev.assay.core.stats.DoubleSort;

/**
 * DeLong's structural components of one model's ROC AUC, by the midrank algorithm of Sun &amp; Xu
 * (2014) in {@code O(n log n)}. With {@code m} positive scores {@code X}, {@code n} negative scores
 * {@code Y} and {@code psi(x, y) = 1} if {@code x > y}, 1/2 if {@code x = y}, 0 otherwise:
 * {@code V10[i] = (1/n) Σ_j psi(X_i, Y_j)}, {@code V01[j] = (1/m) Σ_i psi(X_i, Y_j)} and
 * {@code auc = mean(V10) = mean(V01)}. With {@code Tx}, {@code Ty}, {@code Tz} the midranks of
 * {@code X}, of {@code Y} and of both together ({@code X} first):
 * {@code V10[i] = (Tz[i] - Tx[i]) / n}, {@code V01[j] = 1 - (Tz[m + j] - Ty[j]) / m}.
 */
record StructuralComponents(double auc, double[] v10, double[] v01) {

    static StructuralComponents of(double[] positives, double[] negatives) {
        int m = positives.length;
        int n = negatives.length;
        double[] all = new double[m + n];
        System.arraycopy(positives, 0, all, 0, m);
        System.arraycopy(negatives, 0, all, m, n);
        double[] tx = midranks(positives);
        double[] ty = midranks(negatives);
        double[] tz = midranks(all);
        double[] v10 = new double[m];
        double rankSum = 0;
        for (int i = 0; i < m; i++) {
            v10[i] = (tz[i] - tx[i]) / n;
            rankSum += tz[i];
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = 1 - (tz[m + j] - ty[j]) / m;
        }
        double auc = (rankSum - m * (m + 1.0) / 2) / ((double) m * n);
        return new StructuralComponents(auc, v10, v01);
    }

    /** The 1-based ranks of {@code values} in ascending order, tied values sharing their mean rank. */
    static double[] midranks(double[] values) {
        int k = values.length;
        double[] sorted = new double[k];
        double[] index = new double[k];
        for (int i = 0; i < k; i++) {
            sorted[i] = values[i] + 0.0; // -0.0 becomes 0.0, as DoubleSort requires
            index[i] = i;
        }
        DoubleSort.sort(sorted, index);
        double[] ranks = new double[k];
        int start = 0;
        while (start < k) {
            int end = start;
            while (end < k && sorted[end] == sorted[start]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            for (int t = start; t < end; t++) {
                ranks[(int) index[t]] = rank;
            }
            start = end;
        }
        return ranks;
    }
}
