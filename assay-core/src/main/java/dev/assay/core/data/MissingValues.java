package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
import java.util.function.IntPredicate;

/** The rows whose column is missing (NaN, empty, null), written {@code is missing} in a suite. */
public enum MissingValues implements ColumnTest {
    INSTANCE;

    @Override
    public IntPredicate matcher(Column column, String source) {
        return column::isMissing;
    }

    @Override
    public String describe(String column) {
        return Excerpt.of(column) + " " + MISSING;
    }
}
