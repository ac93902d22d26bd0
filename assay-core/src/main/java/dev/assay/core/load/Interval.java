package dev.assay.core.load;

/** One period of a run: when it started (seconds after the measurement began), its rate, latencies and errors. */
public record Interval(double startSeconds, double seconds, double throughputRps, LatencySummary latencyMs, long errors) {
}
