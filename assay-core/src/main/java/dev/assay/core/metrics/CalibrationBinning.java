package dev.assay.core.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

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
        if (this == UNIFORM) {
            return fixedEdges(bins);
        }
        double[] sorted = sorted(scores);
        return quantileEdges(sorted.length, bins, ranks -> {
            double[] out = new double[ranks.length];
            for (int i = 0; i < ranks.length; i++) {
                out[i] = sorted[(int) ranks[i]];
            }
            return out;
        });
    }

    /**
     * The {@link #QUANTILE} edges of {@code n} scores whose order statistics are read through {@code
     * orderStatistics}, which receives 0-based ranks in ascending order (at most {@code 2 (bins + 1)}
     * of them) and returns the score of each rank in the sorted scores. Used by the local path (ranks
     * into a sorted array) and by engines that sort the scores where they are; both give the edges of
     * {@link #edges(double[], int)} bit for bit: {@code numpy.percentile(score, linspace(0, 1, bins + 1) * 100)}.
     *
     * @param n the number of scores; with none, every edge is 0 (and no row falls in a bin)
     * @param bins the number of bins, at least 1
     */
    public static double[] quantileEdges(long n, int bins, Function<long[], double[]> orderStatistics) {
        double[] edges = new double[bins + 1];
        if (n == 0) {
            return edges;
        }
        double step = 1.0 / bins;
        double[] virtual = new double[bins + 1];
        TreeSet<Long> ranks = new TreeSet<>();
        for (int i = 0; i <= bins; i++) {
            double fraction = i == bins ? 1.0 : i * step;
            virtual[i] = (n - 1) * (fraction * 100 / 100);
            if (virtual[i] >= n - 1) {
                ranks.add(n - 1);
            } else {
                long below = (long) Math.floor(virtual[i]);
                ranks.add(below);
                ranks.add(below + 1);
            }
        }
        long[] asked = ranks.stream().mapToLong(Long::longValue).toArray();
        double[] values = orderStatistics.apply(asked);
        Map<Long, Double> at = new HashMap<>();
        for (int i = 0; i < asked.length; i++) {
            at.put(asked[i], values[i]);
        }
        for (int i = 0; i <= bins; i++) {
            edges[i] = percentile(n, virtual[i], at);
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
        double step = 1.0 / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? 1.0 : i * step;
        }
        return edges;
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

    /** numpy's linear percentile at the virtual index {@code (n - 1) q}, including its choice of interpolation formula. */
    private static double percentile(long n, double virtual, Map<Long, Double> sorted) {
        if (virtual >= n - 1) {
            return sorted.get(n - 1);
        }
        long below = (long) Math.floor(virtual);
        double t = virtual - below;
        double a = sorted.get(below);
        double b = sorted.get(below + 1);
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
