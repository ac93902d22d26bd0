package dev.assay.core.segments;

import dev.assay.core.result.Interval;

/**
 * A slice in which the metric is significantly worse than on the rest of the rows.
 *
 * @param test the slice, its counts and p-values
 * @param rows the slice's rows
 * @param interval the Wilson interval of the slice's metric ({@link SegmentSettings#INTERVAL_LEVEL})
 * @param impact {@link SliceTest#impact}, the ranking key
 */
public record WeakSegment(SliceTest test, int rows, Interval interval, double impact) {

    /** E.g. {@code education = Masters and sex = Female}. */
    public String description() {
        return test.slice().describe();
    }
}
