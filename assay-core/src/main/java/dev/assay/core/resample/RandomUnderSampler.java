package dev.assay.core.resample;

/**
 * Random under-sampling: each class to under-sample keeps a random subset of its rows (without
 * replacement); the output lists the classes in sorted order, each class's rows in the order drawn.
 *
 * <p>Reference: imbalanced-learn {@code RandomUnderSampler(replacement=False)}: one {@code RandomState(seed)},
 * {@code choice(range(n_class), n, replace=False)}, which is {@code permutation(n_class)[:n]}.
 */
public final class RandomUnderSampler implements Sampler {
    private final SamplingStrategy strategy;
    private final long seed;

    public RandomUnderSampler(SamplingStrategy strategy, long seed) {
        this.strategy = strategy;
        this.seed = seed;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.UNDER);
        NumpyRandom random = new NumpyRandom(seed);
        int[] kept = new int[0];
        for (int c = 0; c < targets.length; c++) {
            int[] rows = classes.rowsOf(c);
            if (targets[c] < 0) {
                kept = Rows.concat(kept, rows);
                continue;
            }
            int[] perm = random.permutation(rows.length);
            int[] chosen = new int[targets[c]];
            for (int i = 0; i < chosen.length; i++) {
                chosen[i] = rows[perm[i]];
            }
            kept = Rows.concat(kept, chosen);
        }
        return Resampled.keeping(kept);
    }
}
