package dev.assay.core.explain;

import dev.assay.core.error.InvalidInputException;

/**
 * How KernelSHAP runs.
 *
 * @param samples the coalition budget per row and sample; 0 for shap's default 2M + 2048
 * @param exactFeatures up to this many varying features every coalition is enumerated (exact values)
 * @param repeats independent coalition samples per row beyond that, for the error estimate (1: a single sample as
 *     shap draws, with no error estimate: NaN)
 * @param seed the seed of the coalition samples
 * @param link the scale explained
 * @param maxRows about how many synthetic rows one model call predicts
 * @param parallel whether rows are explained in parallel (only for a thread-safe model); the result is the same
 */
public record KernelShapSettings(int samples, int exactFeatures, int repeats, long seed, Link link, int maxRows,
        boolean parallel) {
    /** The most features enumerated completely. */
    public static final int MAX_EXACT_FEATURES = 20;

    public KernelShapSettings {
        if (samples < 0) {
            throw new InvalidInputException("The KernelSHAP sample budget must be positive (or 0 for the default), got " + samples
                    + ".");
        }
        if (exactFeatures < 1 || exactFeatures > MAX_EXACT_FEATURES) {
            throw new InvalidInputException("KernelSHAP enumerates all coalitions of 1 to " + MAX_EXACT_FEATURES
                    + " varying features; got " + exactFeatures + ".");
        }
        if (repeats < 1) {
            throw new InvalidInputException("KernelSHAP needs at least 1 coalition sample per row (2 or more to estimate its "
                    + "error), got " + repeats + ".");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
    }

    /** shap's default budget, complete enumeration up to 12 varying features, 4 samples, seed 0, identity link. */
    public static KernelShapSettings defaults() {
        return new KernelShapSettings(0, 12, 4, 0, Link.IDENTITY, 100_000, false);
    }

    public KernelShapSettings withSamples(int s) {
        return new KernelShapSettings(s, exactFeatures, repeats, seed, link, maxRows, parallel);
    }

    public KernelShapSettings withExactFeatures(int e) {
        return new KernelShapSettings(samples, e, repeats, seed, link, maxRows, parallel);
    }

    public KernelShapSettings withSeed(long s) {
        return new KernelShapSettings(samples, exactFeatures, repeats, s, link, maxRows, parallel);
    }

    public KernelShapSettings withLink(Link l) {
        return new KernelShapSettings(samples, exactFeatures, repeats, seed, l, maxRows, parallel);
    }

    public KernelShapSettings withRepeats(int r) {
        return new KernelShapSettings(samples, exactFeatures, r, seed, link, maxRows, parallel);
    }

    public KernelShapSettings withParallel(boolean p) {
        return new KernelShapSettings(samples, exactFeatures, repeats, seed, link, maxRows, p);
    }
}
