package dev.assay.core.slicing;

import dev.assay.core.data.NumericRange;
import dev.assay.core.data.RowFilter;

/**
 * A slice as a {@link RowFilter}, to select the same slice in other data (the reference data, or a
 * suite's {@code where}): a value term keeps that value, an interval term the numbers in its interval,
 * a missing term the missing values.
 */
public final class SliceFilters {
    private SliceFilters() {
    }

    /** The filter selecting the rows that meet every term of {@code slice}. */
    public static RowFilter of(Slice slice) {
        RowFilter.Builder b = RowFilter.builder();
        for (SliceTerm t : slice.terms()) {
            switch (t.kind()) {
                case VALUE -> b.where(t.column(), t.label());
                case INTERVAL -> b.where(t.column(), NumericRange.parse(t.label()));
                case MISSING -> b.missing(t.column());
                default -> throw new IllegalStateException("unknown term kind " + t.kind());
            }
        }
        return b.build();
    }
}
