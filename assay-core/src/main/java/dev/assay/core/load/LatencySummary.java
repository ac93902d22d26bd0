package dev.assay.core.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of the latencies of a run or of one interval, in milliseconds. A percentile is
 * HdrHistogram's {@code getValueAtPercentile}: the smallest recorded value that at least p% of the
 * values do not exceed (numpy's {@code percentile(method="inverted_cdf")}), at 3 significant digits.
 * All values are NaN when nothing was recorded.
 */
public record LatencySummary(long count, double mean, double p50, double p90, double p99, double p999, double max) {

    /** The summary of a histogram of nanosecond values. */
    public static LatencySummary of(Histogram nanos) {
        long n = nanos.getTotalCount();
        if (n == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(n, nanos.getMean() / 1e6, ms(nanos, 50), ms(nanos, 90), ms(nanos, 99), ms(nanos, 99.9),
                nanos.getMaxValue() / 1e6);
    }

    private static double ms(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e6;
    }
}
