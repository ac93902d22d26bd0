package dev.assay.core.load;

import java.util.ArrayList;
import java.util.List;

/**
 * How latency moved over a run, the soak test's question (does the service degrade as it runs: leaks, GC, queues?):
 * the least-squares slope of each interval's p99 against the interval's start, in ms per minute, and the ratio of the
 * median p99 of the last quarter of the intervals to that of the first quarter. Intervals without answers are left
 * out; with fewer than {@value #MIN_INTERVALS} measured intervals both figures are NaN.
 *
 * @param intervals the intervals measured
 * @param p99SlopeMsPerMinute the slope of p99 over time, ms per minute (positive: latency grows)
 * @param lastToFirstQuarterP99 median p99 of the last quarter of intervals / that of the first quarter
 */
public record LatencyTrend(int intervals, double p99SlopeMsPerMinute, double lastToFirstQuarterP99) {
    /** The fewest measured intervals a trend is computed from. */
    public static final int MIN_INTERVALS = 4;

    /** The trend of {@code intervals}, in time order. */
    public static LatencyTrend of(List<Interval> intervals) {
        List<Interval> measured = new ArrayList<>();
        for (Interval i : intervals) {
            if (i.latencyMs().count() > 0 && Double.isFinite(i.latencyMs().p99())) {
                measured.add(i);
            }
        }
        int n = measured.size();
        if (n < MIN_INTERVALS) {
            return new LatencyTrend(n, Double.NaN, Double.NaN);
        }
        double meanT = 0;
        double meanY = 0;
        for (Interval i : measured) {
            meanT += i.startSeconds() / n;
            meanY += i.latencyMs().p99() / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (Interval i : measured) {
            double dt = i.startSeconds() - meanT;
            sxy += dt * (i.latencyMs().p99() - meanY);
            sxx += dt * dt;
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx * 60;
        int quarter = n / 4;
        double first = median(measured.subList(0, quarter));
        double last = median(measured.subList(n - quarter, n));
        return new LatencyTrend(n, slope, first == 0 ? Double.NaN : last / first);
    }

    private static double median(List<Interval> part) {
        double[] p99 = part.stream().mapToDouble(i -> i.latencyMs().p99()).sorted().toArray();
        int m = p99.length;
        return m % 2 == 1 ? p99[m / 2] : (p99[m / 2 - 1] + p99[m / 2]) / 2;
    }

}
