package dev.assay.core.explain;

/** Weighted least squares by the normal equations X'WX b = X'Wy, solved by Gaussian elimination with partial pivoting. */
final class WeightedLeastSquares {

    private WeightedLeastSquares() {
    }

    /**
     * The coefficients b minimising sum_s w_s (y_s - x_s . b)^2 (no intercept).
     *
     * @throws IllegalStateException if X'WX is singular
     */
    static double[] fit(double[][] x, double[] y, double[] w) {
        int p = x[0].length;
        double[][] a = new double[p][p + 1];
        for (int s = 0; s < x.length; s++) {
            for (int i = 0; i < p; i++) {
                double wi = w[s] * x[s][i];
                if (wi == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    a[i][j] += wi * x[s][j];
                }
                a[i][p] += wi * y[s];
            }
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-300) {
                throw new IllegalStateException("singular normal equations");
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j <= p; j++) {
                    a[r][j] -= f * a[c][j];
                }
            }
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = a[i][p];
            for (int j = i + 1; j < p; j++) {
                s -= a[i][j] * b[j];
            }
            b[i] = s / a[i][i];
        }
        return b;
    }
}
