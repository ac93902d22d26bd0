package dev.assay.core.resample;

import dev.assay.core.error.InvalidInputException;

/**
 * ADASYN (He et al., 2008): SMOTE where each row of the class seeds a number of new rows proportional to
 * the share of other classes among its {@code k} nearest neighbours in the whole data (default
 * {@code k = 5}): {@code r_i = other_i / k}, {@code g_i = rint(r_i / Σr × G)}, so the class gets
 * {@code Σ g_i} rows (rounding may change G slightly).
 *
 * <p>Reference: imbalanced-learn {@code ADASYN(n_neighbors=5)}: one {@code RandomState(seed)} for the run,
 * neighbours drawn with {@code choice(k, G')}, then steps with {@code uniform(size=G')}.
 */
public final class Adasyn implements Sampler {
    private final SamplingStrategy strategy;
    private final int k;
    private final long seed;

    public Adasyn(SamplingStrategy strategy, int k, long seed) {
        this.strategy = strategy;
        this.k = k;
        this.seed = seed;
    }

    /** The number of new rows each row of class {@code c} seeds, for {@code wanted} new rows in all. */
    public static int[] perRow(double[][] x, Classes classes, int c, int k, int wanted) {
        int[] y = classes.codes();
        double[][] xc = Rows.pick(x, classes.rowsOf(c));
        int[][] nns = Neighbors.of(x, xc, k + 1).index();
        double[] ratio = new double[xc.length];
        for (int i = 0; i < xc.length; i++) {
            int other = 0;
            for (int j = 1; j <= k; j++) {
                other += y[nns[i][j]] != c ? 1 : 0;
            }
            ratio[i] = other / (double) k;
        }
        double sum = PairwiseSum.of(ratio);
        if (sum == 0) {
            throw new InvalidInputException("ADASYN: no neighbour of any row of class '" + classes.names().get(c)
                    + "' belongs to another class, so its density ratio is undefined; use SMOTE instead.");
        }
        int[] out = new int[xc.length];
        for (int i = 0; i < xc.length; i++) {
            out[i] = (int) Math.rint(ratio[i] / sum * wanted);
        }
        return out;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.OVER);
        NumpyRandom random = new NumpyRandom(seed);
        double[][] synthetic = new double[0][];
        int[] labels = new int[0];
        for (int c = 0; c < targets.length; c++) {
            if (targets[c] <= 0) {
                continue;
            }
            Sampler.requireNeighbours(classes, c, k, "ADASYN", "k");
            int[] g = perRow(x, classes, c, k, targets[c]);
            int n = 0;
            for (int v : g) {
                n += v;
            }
            if (n == 0) {
                throw new InvalidInputException("ADASYN would create no row for class '" + classes.names().get(c)
                        + "' at this sampling strategy; ask for more rows or use SMOTE.");
            }
            double[][] xc = Rows.pick(x, classes.rowsOf(c));
            int[][] nns = Neighbors.excludingSelf(xc, k);
            int[] rows = new int[n];
            for (int i = 0, p = 0; i < g.length; i++) {
                for (int r = 0; r < g[i]; r++) {
                    rows[p++] = i;
                }
            }
            int[] cols = new int[n];
            for (int i = 0; i < n; i++) {
                cols[i] = random.randint(k);
            }
            double[] steps = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = random.nextDouble();
            }
            Interpolation.Draws d = new Interpolation.Draws(rows, cols, steps);
            synthetic = Rows.concat(synthetic, Interpolation.samples(xc, xc, nns, d, seed, null, c));
            labels = Rows.concat(labels, Rows.fill(n, c));
        }
        return new Resampled(Resampled.all(x.length), synthetic, labels);
    }
}
