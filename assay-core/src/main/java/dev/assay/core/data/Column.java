package dev.assay.core.data;

/**
 * One named, immutable column of a {@link Frame}. Implementations store primitives (no boxing) and
 * row subsets are views over an index array rather than copies.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn {

    /** The column's name, unique within its frame. */
    String name();

    /** The physical kind of the values. */
    ColumnType type();

    /** The number of rows. */
    int size();

    /** Whether the value in {@code row} is missing. */
    boolean isMissing(int row);

    /** The number of missing values. */
    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** The value in {@code row} as text, as a person would read it; {@code null} when missing. */
    String format(int row);

    /** A view of the given rows, in the given order; no values are copied. */
    Column slice(int[] rows);

    /** Composes a row subset with an existing (possibly null) view index. */
    static int[] compose(int[] existing, int[] rows, int size) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("row " + r + " outside 0.." + (size - 1));
            }
            out[i] = existing == null ? r : existing[r];
        }
        return out;
    }
}
