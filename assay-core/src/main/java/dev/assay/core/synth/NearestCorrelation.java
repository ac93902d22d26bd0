package dev.assay.core.synth;

/**
 * The nearest correlation matrix in the Frobenius norm by Higham's alternating projections with Dykstra's
 * correction (N. J. Higham, "Computing the nearest correlation matrix - a problem from finance", IMA J.
 * Numer. Anal. 22, 2002, algorithm 3.3): project onto the positive semidefinite matrices (negative
 * eigenvalues set to 0) and onto the unit-diagonal matrices in turn until they agree to 1e-10. For a
 * Cholesky factor to exist the result's eigenvalues are then floored at {@value #FLOOR} and its diagonal
 * rescaled to one. A matrix whose smallest eigenvalue is already at least {@value #FLOOR} is returned
 * unchanged.
 */
public final class NearestCorrelation {
    /** The smallest eigenvalue a repaired matrix keeps. */
    public static final double FLOOR = 1e-8;

    private NearestCorrelation() {
    }

    /** Whether {@code a} needs a repair: its smallest eigenvalue is below {@link #FLOOR}. */
    public static boolean needsRepair(double[][] a) {
        return SymmetricEigen.of(a).min() < FLOOR;
    }

    /** The nearest correlation matrix to the symmetric matrix {@code a}. */
    public static double[][] of(double[][] a) {
        if (!needsRepair(a)) {
            return copy(a);
        }
        int d = a.length;
        double[][] y = copy(a);
        double[][] correction = new double[d][d];
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double[][] r = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    r[i][j] = y[i][j] - correction[i][j];
                }
            }
            double[][] x = SymmetricEigen.of(r).clipped(0);
            double change = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    correction[i][j] = x[i][j] - r[i][j];
                    double next = i == j ? 1 : x[i][j];
                    change += (next - x[i][j]) * (next - x[i][j]);
                    y[i][j] = next;
                }
            }
            if (Math.sqrt(change) < 1e-10) {
                break;
            }
        }
        return unitDiagonal(SymmetricEigen.of(y).clipped(FLOOR));
    }

    private static double[][] unitDiagonal(double[][] m) {
        int d = m.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = i == j ? 1 : m[i][j] / Math.sqrt(m[i][i] * m[j][j]);
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
