package dev.assay.core.explain.lime;

import dev.assay.core.error.InvalidInputException;

/**
 * How LIME runs; the defaults are lime 0.2's LimeTabularExplainer and explain_instance.
 *
 * @param samples the neighbourhood size per row (5000)
 * @param features the most features in the local model (num_features, 10)
 * @param selection how they are chosen ({@link FeatureSelection#AUTO})
 * @param discretize whether numeric columns are cut at their training quartiles (true)
 * @param kernelWidth the kernel width; 0 for 0.75 sqrt(number of features)
 * @param seed the seed of the neighbourhoods
 * @param parallel whether rows are explained in parallel (only for a thread-safe model); the result is the same
 */
public record LimeSettings(int samples, int features, FeatureSelection selection, boolean discretize, double kernelWidth,
        long seed, boolean parallel) {

    public LimeSettings {
        if (samples < 2) {
            throw new InvalidInputException("LIME needs at least 2 samples per row, got " + samples + ".");
        }
        if (features < 1) {
            throw new InvalidInputException("LIME needs at least 1 feature in its local model, got " + features + ".");
        }
        if (!(kernelWidth >= 0) || Double.isInfinite(kernelWidth)) {
            throw new InvalidInputException("The LIME kernel width must be positive (or 0 for the default), got " + kernelWidth
                    + ".");
        }
    }

    /** lime's defaults with seed 0, one thread. */
    public static LimeSettings defaults() {
        return new LimeSettings(5000, 10, FeatureSelection.AUTO, true, 0, 0, false);
    }

    public LimeSettings withSamples(int s) {
        return new LimeSettings(s, features, selection, discretize, kernelWidth, seed, parallel);
    }

    public LimeSettings withFeatures(int f) {
        return new LimeSettings(samples, f, selection, discretize, kernelWidth, seed, parallel);
    }

    public LimeSettings withSelection(FeatureSelection s) {
        return new LimeSettings(samples, features, s, discretize, kernelWidth, seed, parallel);
    }

    public LimeSettings withDiscretize(boolean d) {
        return new LimeSettings(samples, features, selection, d, kernelWidth, seed, parallel);
    }

    public LimeSettings withSeed(long s) {
        return new LimeSettings(samples, features, selection, discretize, kernelWidth, s, parallel);
    }

    public LimeSettings withParallel(boolean p) {
        return new LimeSettings(samples, features, selection, discretize, kernelWidth, seed, p);
    }
}
