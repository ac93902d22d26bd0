package dev.assay.core.load;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a load run. {@code sent} counts the requests sent after the warm-up. Latencies are of successful requests, in milliseconds, measured in
 * open loop from each request's intended send time. {@code late} counts open-loop requests that
 * found every in-flight slot taken at their send time (sent later, their wait included in their
 * latency); {@code dropped} those never sent because no slot freed before the run ended.
 * {@code scheduleLagMs} is how late the generator itself sent (actual minus intended time; NaN in
 * closed loop). {@code caveat} is non-null in closed loop, where latencies hide coordinated omission.
 * {@code distribution} is the percentile curve of the latencies.
 */
public record LoadResult(String mode, double requestedRps, double throughputRps, double seconds, long sent,
        LatencySummary latencyMs, LatencySummary scheduleLagMs, Map<String, Long> errors, long late, long dropped,
        List<Interval> intervals, ResourceUse resources, String caveat, LatencyDistribution distribution) {

    /** What closed-loop latencies cannot show. */
    public static final String CLOSED_LOOP_CAVEAT = "Closed loop: each worker waits for an answer before sending again, so a "
            + "stalled target also stalls the load and the requests it would have received are never timed (coordinated "
            + "omission). Latency percentiles understate what users at a fixed arrival rate see; use --rate for that.";

    public LoadResult {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        intervals = List.copyOf(intervals);
    }

    /** The number of failed requests. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The share of the measured requests that failed or were never sent:
     * {@code (errors + dropped) / (sent + dropped)}; 0 when nothing was planned.
     */
    public double errorRate() {
        long planned = sent + dropped;
        return planned == 0 ? 0 : (double) (errorCount() + dropped) / planned;
    }

    /** Late plus dropped requests. */
    public long lateOrDropped() {
        return late + dropped;
    }
}
