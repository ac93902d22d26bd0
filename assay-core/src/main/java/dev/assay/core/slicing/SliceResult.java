package dev.assay.core.slicing;

import dev.assay.core.metrics.MetricValue;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.Map;

/**
 * The metrics of one slice, or why it was not measured.
 *
 * @param slice the rows
 * @param key how conditions address it ({@link SliceKey})
 * @param positives the rows of the positive class (binary tasks); -1 when there is no positive class
 * @param values each metric's value, in the plan's order; empty when skipped
 * @param intervals each metric's interval, where computed
 * @param skipped why the slice was not measured (too small, or its rows cannot be evaluated); null when measured
 * @param note a caveat on the values, e.g. few positive rows; null when there is none
 */
public record SliceResult(Slice slice, String key, long positives, Map<String, MetricValue> values,
        Map<String, IntervalEstimate> intervals, String skipped, String note) {

    public SliceResult {
        values = Map.copyOf(values);
        intervals = Map.copyOf(intervals);
    }

    /** The number of rows. */
    public int size() {
        return slice.size();
    }

    /** Whether the slice was measured. */
    public boolean measured() {
        return skipped == null;
    }
}
