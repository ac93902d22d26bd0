package dev.assay.core.drift;

/**
 * The first Wasserstein (earth mover's) distance between two samples,
 * {@code W1 = integral |F_ref(x) - F_cur(x)| dx}, in one merge of the sorted samples; in the units of
 * the column, {@code >= 0}. {@link #normalised} divides by the reference standard deviation
 * ({@code ddof = 0}, at least 0.001), as Evidently's {@code wasserstein} drift method does.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.wasserstein_distance(ref, cur)}, to 1e-12 relative in
 * {@code golden/drift_*.json}; Evidently 0.4 {@code _wasserstein_distance_norm}.
 */
public final class Wasserstein {
    private Wasserstein() {
    }

    /** {@code W1} of two sorted samples without NaN, each non-empty. */
    public static double distance(double[] a, double[] b) {
        return EcdfGap.of(a, b).wasserstein();
    }

    /** {@code W1 / max(std(reference), 0.001)}, the distance in reference standard deviations. */
    public static double normalised(double[] reference, double[] current) {
        return normalise(distance(reference, current), reference);
    }

    /** {@code w1 / max(std(reference), 0.001)}. */
    static double normalise(double w1, double[] reference) {
        return w1 / Math.max(standardDeviation(reference), 0.001);
    }

    /** The population standard deviation ({@code ddof = 0}), two passes. */
    static double standardDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / values.length);
    }
}
