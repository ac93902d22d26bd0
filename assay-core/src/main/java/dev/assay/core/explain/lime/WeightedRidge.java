package dev.assay.core.explain.lime;

/**
 * Weighted ridge regression with an intercept, as scikit-learn's {@code Ridge(alpha).fit(X, y,
 * sample_weight=w)}: X and y are centred on their weighted means, b solves (Xc' W Xc + alpha I) b =
 * Xc' W yc by symmetric Gaussian elimination (the matrix is positive semi-definite, so no pivoting is
 * needed), and the intercept is ybar - xbar . b. A column whose pivot vanishes (alpha 0 and collinear or
 * constant columns) gets coefficient 0, which gives the same least-squares fit.
 *
 * @param coef the coefficients
 * @param intercept the intercept
 */
record WeightedRidge(double[] coef, double intercept) {

    /** The fit of {@code y} on the columns {@code columns} of {@code x} with weights {@code w}. */
    static WeightedRidge fit(double[][] x, int[] columns, double[] y, double[] w, double alpha) {
        int p = columns.length;
        int n = y.length;
        double sw = 0;
        double ybar = 0;
        double[] xbar = new double[p];
        for (int s = 0; s < n; s++) {
            sw += w[s];
            ybar += w[s] * y[s];
            for (int j = 0; j < p; j++) {
                xbar[j] += w[s] * x[s][columns[j]];
            }
        }
        ybar /= sw;
        for (int j = 0; j < p; j++) {
            xbar[j] /= sw;
        }
        double[][] a = new double[p][p + 1];
        double[] xc = new double[p];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < p; j++) {
                xc[j] = x[s][columns[j]] - xbar[j];
            }
            double yc = y[s] - ybar;
            for (int i = 0; i < p; i++) {
                double wi = w[s] * xc[i];
                for (int j = i; j < p; j++) {
                    a[i][j] += wi * xc[j];
                }
                a[i][p] += wi * yc;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
            a[i][i] += alpha;
        }
        double[] b = solve(a, p);
        double intercept = ybar;
        for (int j = 0; j < p; j++) {
            intercept -= xbar[j] * b[j];
        }
        return new WeightedRidge(b, intercept);
    }

    /** The prediction for {@code row}, of which the model reads the {@code columns}. */
    double predict(double[] row, int[] columns) {
        double v = intercept;
        for (int j = 0; j < columns.length; j++) {
            v += coef[j] * row[columns[j]];
        }
        return v;
    }

    /** The weighted R^2, 1 - sum w (y - f)^2 / sum w (y - ybar_w)^2, as scikit-learn's {@code score}. */
    double score(double[][] x, int[] columns, double[] y, double[] w) {
        double sw = 0;
        double ybar = 0;
        for (int s = 0; s < y.length; s++) {
            sw += w[s];
            ybar += w[s] * y[s];
        }
        ybar /= sw;
        double residual = 0;
        double total = 0;
        for (int s = 0; s < y.length; s++) {
            double e = y[s] - predict(x[s], columns);
            residual += w[s] * e * e;
            total += w[s] * (y[s] - ybar) * (y[s] - ybar);
        }
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }

    /**
     * Gaussian elimination without pivoting of the augmented p x (p + 1) positive semi-definite system; a
     * pivot below 1e-12 of the largest diagonal marks a column dependent on earlier ones (its Schur complement
     * row is then zero too), which gets 0.
     */
    private static double[] solve(double[][] a, int p) {
        double scale = 0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double tiny = Math.max(scale, 1e-300) * 1e-12;
        boolean[] dropped = new boolean[p];
        for (int c = 0; c < p; c++) {
            if (a[c][c] <= tiny) {
                dropped[c] = true;
                continue;
            }
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j <= p; j++) {
                    a[r][j] -= f * a[c][j];
                }
            }
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            if (dropped[i]) {
                continue;
            }
            double s = a[i][p];
            for (int j = i + 1; j < p; j++) {
                s -= a[i][j] * b[j];
            }
            b[i] = s / a[i][i];
        }
        return b;
    }
}
