package dev.assay.core.resample;

/**
 * SMOTE's sample generation, shared by {@link Smote}, {@link BorderlineSmote} and {@link SmoteNc}:
 * {@code n} draws of a (seed, neighbour) pair uniformly among {@code seeds × k}, then
 * {@code s = x_seed + u × (x_nn − x_seed)} with {@code u ~ U[0, 1)}. For borderline-2, a neighbour of another
 * class has its difference first scaled by {@code U[0, 0.5)} from a second stream of the same seed.
 *
 * <p>Reference: imbalanced-learn {@code BaseSMOTE._make_samples} and {@code _generate_samples}: a fresh
 * {@code RandomState(seed)} per call, {@code randint(0, seeds·k, n)} then {@code uniform(size=n)}.
 */
final class Interpolation {
    /** The seed row and neighbour index of every new sample, and its step. */
    record Draws(int[] rows, int[] neighbours, double[] steps) {
    }

    private Interpolation() {
    }

    /** The draws of {@code n} samples over {@code seeds} rows with {@code k} neighbours each. */
    static Draws draw(int seeds, int k, int n, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        int[] rows = new int[n];
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            int s = random.randint((long) seeds * k);
            rows[i] = s / k;
            cols[i] = s % k;
        }
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = random.nextDouble();
        }
        return new Draws(rows, cols, steps);
    }

    /**
     * The new samples: {@code base[row] + step × (data[nns[row][col]] − base[row])}; when {@code dataClasses} is
     * given (borderline-2), differences towards a neighbour whose class is not {@code cls} are scaled first.
     */
    static double[][] samples(double[][] base, double[][] data, int[][] nns, Draws d, long seed, int[] dataClasses, int cls) {
        int n = d.rows().length;
        double[][] out = new double[n][];
        NumpyRandom scale = dataClasses == null ? null : new NumpyRandom(seed);
        for (int i = 0; i < n; i++) {
            double[] x = base[d.rows()[i]];
            int nn = nns[d.rows()[i]][d.neighbours()[i]];
            double[] y = data[nn];
            double[] diff = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                diff[j] = y[j] - x[j];
            }
            if (scale != null && dataClasses[nn] != cls) {
                double u = scale.uniform(0.0, 0.5);
                for (int j = 0; j < x.length; j++) {
                    diff[j] *= u;
                }
            }
            double[] s = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                s[j] = x[j] + d.steps()[i] * diff[j];
            }
            out[i] = s;
        }
        return out;
    }
}
