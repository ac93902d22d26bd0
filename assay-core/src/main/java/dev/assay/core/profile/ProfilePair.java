package dev.assay.core.profile;

import java.util.Map;

/**
 * The profiles of the reference and of the current data, for measuring drift when neither data set is
 * in memory ({@link ProfilesDrift}), e.g. profiles folded from the partitions of a distributed data set.
 *
 * @param reference the reference profile; null when there is no reference data (checks that need one
 *     then fail their requirements before reading it)
 * @param referenceName how the reference is named in messages; null without a reference
 * @param current the current profile
 * @param currentName how the current data is named in messages
 * @param counter counts the rows of both data sets exactly into bins fixed after profiling (a second pass
 *     over the data); null when the data cannot be read again, the bin counts are then estimated from the
 *     sketches
 */
public record ProfilePair(DatasetProfile reference, String referenceName, DatasetProfile current, String currentName,
        BinCounter counter) {

    /** Counts the rows of the reference and the current data into right-closed bins. */
    public interface BinCounter {
        /**
         * @param edges per numeric column, the ascending inner edges of its bins; a value {@code v} goes to
         *     the bin of the number of edges below it ({@code edges[i-1] < v <= edges[i]}), missing values nowhere
         * @return per column, {@code {referenceCounts, currentCounts}}, each {@code edges.length + 1} long
         */
        Map<String, long[][]> count(Map<String, double[]> edges);
    }
}
