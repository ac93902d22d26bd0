package dev.assay.core.synth;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
 * Matrix Computations, 8.5): rotations zero the off-diagonal entries until their sum of squares is below
 * 1e-24 times the matrix's squared Frobenius norm.
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    /** The decomposition a = V diag(values) V^T; {@code vectors[i][k]} is row i of eigenvector k. */
    static SymmetricEigen of(double[][] a) {
        int d = a.length;
        double[][] m = new double[d][];
        double[][] v = new double[d][d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            m[i] = a[i].clone();
            v[i][i] = 1;
            for (int j = 0; j < d; j++) {
                norm += a[i][j] * a[i][j];
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off <= 1e-24 * norm) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (m[p][q] != 0) {
                        rotate(m, v, p, q);
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = m[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int d = m.length;
        for (int k = 0; k < d; k++) {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < d; k++) {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** V diag(max(values, floor)) V^T. */
    double[][] clipped(double floor) {
        int d = values.length;
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double lambda = Math.max(values[k], floor);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[i][j] += vectors[i][k] * lambda * vectors[j][k];
                }
            }
        }
        return out;
    }

    double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double x : values) {
            m = Math.min(m, x);
        }
        return m;
    }
}
