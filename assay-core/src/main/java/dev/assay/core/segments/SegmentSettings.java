package dev.assay.core.segments;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.slicing.Binning;
import java.util.Objects;

/**
 * How weak segments are searched.
 *
 * @param metric the metric a segment is worse in
 * @param binning how each column is cut (quantile bins for numbers, one bin per category)
 * @param pairs whether slices of two columns are tried besides slices of one
 * @param minSize the fewest denominator rows of the metric a slice needs to be tried (rows for
 *     accuracy, positive rows for recall, rows predicted positive for precision, ...)
 * @param fdr the false discovery rate Benjamini-Hochberg controls across all slices tried, in (0, 1)
 * @param maxSegments the most segments reported
 */
public record SegmentSettings(SegmentMetric metric, Binning binning, boolean pairs, int minSize, double fdr, int maxSegments) {
    public static final int DEFAULT_MIN_SIZE = 30;
    public static final double DEFAULT_FDR = 0.05;
    public static final int DEFAULT_MAX_SEGMENTS = 10;
    /** The confidence level of the Wilson interval reported for each segment's metric. */
    public static final double INTERVAL_LEVEL = 0.95;

    public SegmentSettings {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(binning, "binning");
        if (minSize < 1) {
            throw new InvalidInputException("the minimum segment size must be at least 1, not " + minSize + ".");
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw new InvalidInputException("the false discovery rate must be between 0 and 1 (exclusive), not " + fdr + ".");
        }
        if (maxSegments < 1) {
            throw new InvalidInputException("the number of segments to report must be at least 1, not " + maxSegments + ".");
        }
    }

    /** Accuracy, quartile bins, pairs, at least 30 rows, FDR 0.05, at most 10 segments. */
    public static SegmentSettings defaults(SegmentMetric metric) {
        return new SegmentSettings(metric, Binning.DEFAULT, true, DEFAULT_MIN_SIZE, DEFAULT_FDR, DEFAULT_MAX_SEGMENTS);
    }
}
