package dev.assay.core.drift;

/**
 * Distances between two discrete distributions given as proportions over the same bins (reference
 * quantile bins of a numeric column, or the categories of a categorical one; see {@link Binned}).
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.spatial.distance.jensenshannon(p, q)} (natural logarithm);
 * PSI and Hellinger as Evidently 0.4 {@code psi} and {@code hellinger}; to 1e-12 in
 * {@code golden/drift_*.json}.
 */
public final class HistogramDistances {
    /** The proportion an empty bin is given in the PSI, as Evidently does: 0.0001. */
    public static final double PSI_EPSILON = 1e-4;

    private HistogramDistances() {
    }

    /**
     * Population stability index {@code sum_i (c_i - r_i) ln(c_i / r_i)}, with empty bins given the
     * proportion {@link #PSI_EPSILON}; {@code >= 0}, 0.1 is a moderate and 0.25 a large shift by
     * convention.
     */
    public static double psi(double[] reference, double[] current) {
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = reference[i] == 0 ? PSI_EPSILON : reference[i];
            double c = current[i] == 0 ? PSI_EPSILON : current[i];
            sum += (c - r) * Math.log(c / r);
        }
        return sum;
    }

    /**
     * Jensen-Shannon distance {@code sqrt((KL(p || m) + KL(q || m)) / 2)} with {@code m = (p + q) / 2},
     * natural logarithm, range {@code [0, sqrt(ln 2)]}.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            sum += relativeEntropy(p[i], m) + relativeEntropy(q[i], m);
        }
        return Math.sqrt(Math.max(0, sum / 2));
    }

    /** Hellinger distance {@code sqrt(sum_i (sqrt(p_i) - sqrt(q_i))^2 / 2)}, range {@code [0, 1]}. */
    public static double hellinger(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
            sum += d * d;
        }
        return Math.sqrt(sum / 2);
    }

    private static double relativeEntropy(double x, double y) {
        return x > 0 ? x * Math.log(x / y) : 0;
    }
}
