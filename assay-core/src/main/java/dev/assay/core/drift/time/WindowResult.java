package dev.assay.core.drift.time;

import dev.assay.core.drift.DriftReport;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.Interval;

/**
 * The drift and performance of one time window against the reference.
 *
 * @param label the window's name
 * @param rows the window's rows
 * @param drift the drift of the window's columns, or null when the window was too small
 * @param metric the model's metric on the window, or null when none was asked
 * @param interval the metric's interval, or null
 */
public record WindowResult(String label, int rows, DriftReport drift, MetricValue metric, Interval interval) {
    /** Whether the window was measured (it had enough rows). */
    public boolean measured() {
        return drift != null;
    }

    /** Whether the window drifted (a measured window whose drifted share reached the threshold). */
    public boolean drifted() {
        return drift != null && drift.datasetDrift();
    }
}
