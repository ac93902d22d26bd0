package dev.assay.core.segments;

import java.util.List;

/**
 * What a weak-segment search found.
 *
 * @param settings the settings searched with
 * @param columns the columns sliced
 * @param tests every slice tried (large enough, no duplicate rows), with p-values, in the order tried
 * @param significant how many slices were significant at the false discovery rate
 * @param segments the reported segments, worst impact first, at most {@link SegmentSettings#maxSegments()}
 * @param duplicates slices not tried because an earlier slice had the same rows
 * @param tooSmall slices not tried for having fewer than {@link SegmentSettings#minSize()} denominator rows
 *     (or no denominator rows outside them)
 * @param notes facts about the binning (columns sliced by their most frequent values only)
 */
public record SegmentReport(SegmentSettings settings, List<String> columns, List<SliceTest> tests, int significant,
        List<WeakSegment> segments, int duplicates, int tooSmall, List<String> notes) {

    public SegmentReport {
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
        segments = List.copyOf(segments);
        notes = List.copyOf(notes);
    }

    /** The number of slices tried, the m of the Benjamini-Hochberg correction. */
    public int tried() {
        return tests.size();
    }
}
