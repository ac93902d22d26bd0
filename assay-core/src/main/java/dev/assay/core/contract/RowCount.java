package dev.assay.core.contract;

import dev.assay.core.data.Frame;
import java.util.List;

/**
 * {@code rows: {min: 1000, max: 100000}}: the table's row count lies within the bounds, as Great
 * Expectations' {@code expect_table_row_count_to_be_between}. Its outcome checks one thing (the
 * table): unexpected is 1 when the count is out of bounds.
 */
record RowCount(long min, long max) implements Expectation {

    @Override
    public String column() {
        return null;
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public String describe() {
        return (min > 0 ? min + " <= " : "") + "rows" + (max < Long.MAX_VALUE ? " <= " + max : "");
    }

    @Override
    public Outcome evaluate(Frame frame) {
        long n = frame.rowCount();
        boolean ok = n >= min && n <= max;
        return new Outcome("rows:count", null, name(), describe(), 1, ok ? 0 : 1, 1,
                ok ? List.of() : List.of("the data has " + n + " rows"));
    }
}
