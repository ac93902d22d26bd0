package dev.assay.core.segments;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.slicing.ColumnBins;
import dev.assay.core.slicing.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Searches the slices of one column and of two columns for segments where a metric of binary
 * predictions is significantly worse than on the rest of the rows.
 *
 * <ol>
 *   <li>Every column is binned ({@link ColumnBins}); the slices are each bin, and with
 *       {@code pairs} each non-empty cell of two columns' bins ({@link ColumnBins#crossSlices}).
 *   <li>A slice with the same rows as one before it is not tried again; nor one with fewer than
 *       {@code minSize} of the metric's denominator rows, or with all of them.
 *   <li>Each slice tried is compared with its complement by a one-sided Fisher exact test on the
 *       2x2 table (slice, rest) x (success, miss) of the metric's denominator rows: alternative
 *       "less" (the slice's odds of success are lower) for metrics where higher is better,
 *       "greater" for fpr and fnr. Fisher's test is exact at every slice size, where the
 *       two-proportion z-test's normal approximation is poor for the small slices and the extreme
 *       rates (recall near 1) a search meets; it is conservative, never liberal.
 *   <li>Benjamini-Hochberg adjusts the p-values over all m slices tried; a slice is significant
 *       when its adjusted p-value is at most {@code fdr}.
 *   <li>{@link SegmentSelection} ranks the significant slices by impact and drops nested repeats.
 * </ol>
 *
 * <p>Reference: SciPy 1.10.1 {@code fisher_exact(table, alternative=...)} and statsmodels 0.13.5
 * {@code multipletests(method="fdr_bh")}, matched to 1e-9 relative on real slices of Adult in
 * {@code golden/segments_adult.json}.
 */
public final class WeakSegmentSearch {
    private static final byte NOT_COUNTED = 0;
    private static final byte MISS = 1;
    private static final byte SUCCESS = 2;

    private WeakSegmentSearch() {
    }

    /**
     * Searches the slices of {@code columns} of {@code frame}, whose rows {@code outcomes} describe.
     *
     * @throws InvalidInputException if a column is unknown or holds free text, or the lengths differ
     */
    public static SegmentReport search(Frame frame, List<String> columns, BinaryOutcomes outcomes, SegmentSettings settings) {
        if (frame.rowCount() != outcomes.rows()) {
            throw new InvalidInputException("The data has " + frame.rowCount() + " rows but " + outcomes.rows()
                    + " predictions; segments need one prediction per row.");
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("No columns to slice: name the feature columns to search for weak segments.");
        }
        List<ColumnBins> bins = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String c : columns) {
            ColumnBins b = ColumnBins.of(frame, c, settings.binning());
            bins.add(b);
            if (b.note() != null) {
                notes.add(b.note());
            }
        }
        byte[] codes = codes(outcomes, settings.metric());
        int totalCount = 0;
        int totalSuccesses = 0;
        for (byte c : codes) {
            totalCount += c == NOT_COUNTED ? 0 : 1;
            totalSuccesses += c == SUCCESS ? 1 : 0;
        }
        FisherExactTest fisher = FisherExactTest.withDefaults().with(settings.metric().higherIsBetter()
                ? AlternativeHypothesis.LESS_THAN : AlternativeHypothesis.GREATER_THAN);
        Set<RowSet> seen = new HashSet<>();
        List<SliceTest> tests = new ArrayList<>();
        int duplicates = 0;
        int tooSmall = 0;
        for (Slice slice : slices(bins, settings.pairs())) {
            int count = 0;
            int successes = 0;
            int positives = 0;
            for (int row : slice.rows()) {
                byte c = codes[row];
                count += c == NOT_COUNTED ? 0 : 1;
                successes += c == SUCCESS ? 1 : 0;
                positives += outcomes.truth(row) ? 1 : 0;
            }
            if (count < settings.minSize() || count == totalCount) {
                tooSmall++;
                continue;
            }
            if (!seen.add(new RowSet(slice.rows()))) {
                duplicates++;
                continue;
            }
            int restCount = totalCount - count;
            int restSuccesses = totalSuccesses - successes;
            double p = fisher.test(new int[][] {{successes, count - successes}, {restSuccesses, restCount - restSuccesses}})
                    .getPValue();
            tests.add(new SliceTest(slice, positives, count, successes, restCount, restSuccesses, p, Double.NaN));
        }
        double[] p = tests.stream().mapToDouble(SliceTest::pValue).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(p);
        int significant = 0;
        for (int i = 0; i < tests.size(); i++) {
            tests.set(i, tests.get(i).withAdjustedP(adjusted[i]));
            significant += adjusted[i] <= settings.fdr() ? 1 : 0;
        }
        List<WeakSegment> segments = SegmentSelection.select(tests, settings);
        return new SegmentReport(settings, columns, tests, significant, segments, duplicates, tooSmall, notes);
    }

    /** Each row's part in the metric: not counted, a miss, or a success. */
    private static byte[] codes(BinaryOutcomes outcomes, SegmentMetric metric) {
        byte[] codes = new byte[outcomes.rows()];
        for (int i = 0; i < codes.length; i++) {
            boolean t = outcomes.truth(i);
            boolean p = outcomes.predicted(i);
            codes[i] = !metric.counts(t, p) ? NOT_COUNTED : metric.success(t, p) ? SUCCESS : MISS;
        }
        return codes;
    }

    /** The slices of each column, then of each pair of columns in the order given. */
    private static List<Slice> slices(List<ColumnBins> bins, boolean pairs) {
        List<Slice> out = new ArrayList<>();
        for (ColumnBins b : bins) {
            out.addAll(b.slices());
        }
        if (pairs) {
            for (int i = 0; i < bins.size(); i++) {
                for (int j = i + 1; j < bins.size(); j++) {
                    out.addAll(bins.get(i).crossSlices(bins.get(j)));
                }
            }
        }
        return out;
    }

    /** The rows of a slice, compared by content. */
    private record RowSet(int[] rows) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowSet r && Arrays.equals(rows, r.rows);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rows);
        }
    }
}
