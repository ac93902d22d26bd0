/**
 * Load tests of models: an open-loop generator that sends on a precomputed schedule and measures
 * each latency from the intended send time (free of coordinated omission), a closed-loop generator
 * of N workers, latencies in HdrHistogram, errors by kind, and the resources the target used.
 */
package dev.assay.core.load;
