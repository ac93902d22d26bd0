package dev.assay.core.synth;

/** The Cholesky factor L (lower triangular, A = L L^T) of a symmetric positive definite matrix, and solves with it. */
final class Cholesky {
    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /** The factor of {@code a}, or null when {@code a} is not positive definite. */
    static Cholesky of(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** L e into {@code out}. */
    void multiply(double[] e, double[] out) {
        for (int i = 0; i < l.length; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += l[i][k] * e[k];
            }
            out[i] = s;
        }
    }

    /** x with A x = b. */
    double[] solve(double[] b) {
        int d = l.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
