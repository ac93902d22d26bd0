package dev.assay.core.resample;

/**
 * Random over-sampling: for each class to over-sample, rows of that class drawn with replacement and
 * appended after the input rows.
 *
 * <p>Reference: imbalanced-learn {@code RandomOverSampler(shrinkage=None)}: one {@code RandomState(seed)},
 * {@code choice(class_rows, n, replace=True)} per class in sorted class order.
 */
public final class RandomOverSampler implements Sampler {
    private final SamplingStrategy strategy;
    private final long seed;

    public RandomOverSampler(SamplingStrategy strategy, long seed) {
        this.strategy = strategy;
        this.seed = seed;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.OVER);
        NumpyRandom random = new NumpyRandom(seed);
        int[] kept = Resampled.all(classes.codes().length);
        for (int c = 0; c < targets.length; c++) {
            if (targets[c] < 0) {
                continue;
            }
            int[] rows = classes.rowsOf(c);
            int[] drawn = new int[targets[c]];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = rows[random.randint(rows.length)];
            }
            kept = Rows.concat(kept, drawn);
        }
        return Resampled.keeping(kept);
    }
}
