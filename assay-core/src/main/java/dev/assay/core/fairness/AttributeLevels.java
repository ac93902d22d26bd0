package dev.assay.core.fairness;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.List;

/**
 * The groups of one protected attribute: the code of each row of a frame, the name of each code and
 * how many rows each holds. Built from the rows themselves, or from the distinct values of the
 * column with their row counts (an engine that counts rows elsewhere), which gives the same names
 * and sizes whenever the groups depend on the values alone: categories, numbers by value, numbers
 * cut at given edges. Numbers cut at their quantiles depend on every row and cannot be built so.
 *
 * @param column the protected column
 * @param codes the group code of each row of the frame it was built from
 * @param names the name of each code
 * @param sizes the rows of each code
 * @param missingRows the rows with a missing value (the group {@code missing})
 * @param outOfRange the bins between given edges left out for lying outside the data
 */
public record AttributeLevels(String column, int[] codes, List<String> names, long[] sizes, long missingRows,
        List<String> outOfRange) {

    public AttributeLevels {
        names = List.copyOf(names);
        outOfRange = List.copyOf(outOfRange);
    }

    /** The groups of {@code attribute} over the rows of {@code frame}. */
    static AttributeLevels of(Frame frame, ProtectedAttribute attribute) {
        long[] ones = new long[frame.rowCount()];
        java.util.Arrays.fill(ones, 1);
        return weighted(frame, ones, attribute);
    }

    /**
     * The groups of {@code attribute} from a frame holding each distinct value of its column once and
     * the number of rows holding each ({@code rows[i]} for row i).
     *
     * @throws InvalidInputException if the column is numeric with more distinct values than quantile
     *     bins and no edges, since quantile bins need every row
     */
    public static AttributeLevels ofDistinct(Frame distinct, long[] rows, ProtectedAttribute attribute) {
        if (distinct.column(attribute.column(), "protected attribute") instanceof NumericColumn numeric
                && attribute.edges().length == 0) {
            long present = java.util.stream.IntStream.range(0, numeric.size()).filter(i -> !numeric.isMissing(i)).count();
            if (present > attribute.quantiles()) {
                throw new InvalidInputException("protected column '" + Excerpt.of(attribute.column()) + "' is numeric with "
                        + present + " distinct values, so its groups are quantile bins, which need every row: give bin edges"
                        + " instead (edges: {" + attribute.column() + ": [18, 30, 45, 65, 100]}).");
            }
        }
        return weighted(distinct, rows, attribute);
    }

    private static AttributeLevels weighted(Frame frame, long[] rows, ProtectedAttribute attribute) {
        AttributeCodes codes = AttributeCodes.of(frame, attribute);
        long[] sizes = new long[codes.names().size()];
        long missing = 0;
        dev.assay.core.data.Column column = frame.column(attribute.column(), "protected attribute");
        for (int i = 0; i < rows.length; i++) {
            sizes[codes.codes()[i]] += rows[i];
            missing += column.isMissing(i) ? rows[i] : 0;
        }
        return new AttributeLevels(attribute.column(), codes.codes(), codes.names(), sizes, missing, codes.outOfRange());
    }

    /** The number of rows counted. */
    long rows() {
        return java.util.Arrays.stream(sizes).sum();
    }
}
