package dev.assay.core.contract;

import dev.assay.core.data.Column;
import java.util.function.IntPredicate;

/** The per-row test of a {@link ColumnExpectation}. */
interface RowTest {

    /** The rows of {@code column} that fail; called only for rows it checks. */
    IntPredicate failing(Column column);

    /** Whether rows with a missing value are checked (only {@code not_null}); others skip them, as Great Expectations does. */
    default boolean checksMissing() {
        return false;
    }
}
