package dev.assay.core.metrics;

import java.util.Arrays;

/**
 * How scores are cut into bins for calibration, as scikit-learn's {@code calibration_curve(...,
 * strategy=...)}: {@code n_bins + 1} edges, and each score goes to the bin {@code b} with {@code
 * edge[b] < score <= edge[b + 1]} (the first bin also takes scores at or below its upper edge), i.e.
 * {@code numpy.searchsorted(edges[1:-1], score)}. A score on an inner edge belongs to the lower bin.
 */
public enum CalibrationBinning {
    /** Equal-width bins over [0, 1]: edges {@code numpy.linspace(0, 1, n_bins + 1)}. */
    UNIFORM,
    /**
     * Bins holding about as many rows each: edges at the score percentiles {@code
     * numpy.percentile(score, numpy.linspace(0, 1, n_bins + 1) * 100)} (linear interpolation between
     * order statistics). Repeated scores can make edges equal; the bins between them stay empty.
     */
    QUANTILE;

    /**
     * The {@code bins + 1} edges for {@code scores}, bit for bit as numpy computes them.
     *
     * @param scores at least one score; not changed
     * @param bins the number of bins, at least 1
     */
    double[] edges(double[] scores, int bins) {
        double step = 1.0 / bins;
        double[] edges = new double[bins + 1];
        double[] sorted = this == QUANTILE ? sorted(scores) : null;
        for (int i = 0; i <= bins; i++) {
            double fraction = i == bins ? 1.0 : i * step;
            edges[i] = this == UNIFORM ? fraction : percentile(sorted, fraction * 100 / 100);
        }
        return edges;
    }

    /**
     * The {@code bins + 1} edges of a binning that does not depend on the scores ({@link #UNIFORM}),
     * for accumulating rows before all of them are seen ({@link CalibrationAccumulator}).
     *
     * @throws IllegalStateException for {@link #QUANTILE}, whose edges are percentiles of every score
     */
    public double[] fixedEdges(int bins) {
        if (this != UNIFORM) {
            throw new IllegalStateException("quantile edges depend on every score");
        }
        return edges(new double[0], bins);
    }

    /** The bin of {@code score}: how many inner edges lie strictly below it. */
    static int bin(double[] edges, double score) {
        int lo = 1;
        int hi = edges.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private static double[] sorted(double[] scores) {
        double[] s = scores.clone();
        Arrays.sort(s);
        return s;
    }

    /** numpy's linear percentile at fraction {@code q}, including its choice of interpolation formula. */
    private static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = (n - 1) * q;
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        int below = (int) Math.floor(virtual);
        double t = virtual - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
