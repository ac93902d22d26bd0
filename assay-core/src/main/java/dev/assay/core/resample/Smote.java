package dev.assay.core.resample;

/**
 * SMOTE (Chawla et al., 2002): for each class to over-sample, new rows on the segments between a row and
 * one of its {@code k} nearest neighbours of the same class (default {@code k = 5}).
 *
 * <p>Reference: imbalanced-learn {@code SMOTE(k_neighbors=5)}; the same seed gives the same rows
 * (imbalanced-learn's {@code test_smote.py} cases are golden tests).
 */
public final class Smote implements Sampler {
    private final SamplingStrategy strategy;
    private final int k;
    private final long seed;

    public Smote(SamplingStrategy strategy, int k, long seed) {
        this.strategy = strategy;
        this.k = k;
        this.seed = seed;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.OVER);
        double[][] synthetic = new double[0][];
        int[] labels = new int[0];
        for (int c = 0; c < targets.length; c++) {
            if (targets[c] <= 0) {
                continue;
            }
            Sampler.requireNeighbours(classes, c, k, "SMOTE", "k");
            double[][] xc = Rows.pick(x, classes.rowsOf(c));
            int[][] nns = Neighbors.excludingSelf(xc, k);
            Interpolation.Draws d = Interpolation.draw(xc.length, k, targets[c], seed);
            synthetic = Rows.concat(synthetic, Interpolation.samples(xc, xc, nns, d, seed, null, c));
            labels = Rows.concat(labels, Rows.fill(targets[c], c));
        }
        return new Resampled(Resampled.all(x.length), synthetic, labels);
    }
}
