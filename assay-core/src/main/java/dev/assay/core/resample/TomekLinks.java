package dev.assay.core.resample;

/**
 * Tomek links (Tomek, 1976): two rows of different classes that are each other's nearest neighbour. The
 * rows of a cleaned class (by default every class but the minority) that sit in a link are removed; the
 * others keep their input order.
 *
 * <p>Reference: imbalanced-learn {@code TomekLinks(sampling_strategy='auto')}: nearest neighbour from
 * {@code NearestNeighbors(n_neighbors=2).kneighbors(X)[:, 1]}.
 */
public final class TomekLinks implements Sampler {
    private final SamplingStrategy strategy;

    public TomekLinks(SamplingStrategy strategy) {
        this.strategy = strategy;
    }

    /** Whether each row is a Tomek-linked row of a class to clean. */
    public boolean[] links(double[][] x, Classes classes) {
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.CLEAN);
        int[] y = classes.codes();
        int[] nn = new int[x.length];
        int[][] idx = Neighbors.of(x, x, 2).index();
        for (int i = 0; i < x.length; i++) {
            nn[i] = idx[i][1];
        }
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = targets[y[i]] >= 0 && y[nn[i]] != y[i] && nn[nn[i]] == i;
        }
        return out;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        if (x.length < 2) {
            throw new dev.assay.core.error.InvalidInputException("Tomek links need at least two rows; the data has " + x.length + ".");
        }
        boolean[] link = links(x, classes);
        return Resampled.keeping(java.util.stream.IntStream.range(0, x.length).filter(i -> !link[i]).toArray());
    }
}
