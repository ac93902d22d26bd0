package dev.assay.core.load;

import org.HdrHistogram.Histogram;

/**
 * The percentile curve of a run's latencies: the latency in milliseconds at each of
 * {@link #PERCENTILES}, HdrHistogram's {@code getValueAtPercentile} as in {@link LatencySummary}.
 * Empty when nothing was recorded.
 */
public record LatencyDistribution(double[] percentiles, double[] ms) {
    /** The percentiles of the curve, denser towards the tail. */
    static final double[] PERCENTILES = {0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.75, 99.9, 99.95,
        99.99, 99.999, 100};

    public LatencyDistribution {
        percentiles = percentiles.clone();
        ms = ms.clone();
    }

    /** The curve of a histogram of nanosecond values. */
    static LatencyDistribution of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return new LatencyDistribution(new double[0], new double[0]);
        }
        double[] ms = new double[PERCENTILES.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = nanos.getValueAtPercentile(PERCENTILES[i]) / 1e6;
        }
        return new LatencyDistribution(PERCENTILES, ms);
    }
}
