package dev.assay.spark;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;

/**
 * The distinct combinations of some columns of a Spark data set, each once, as a core {@link Frame}
 * (the same typing as {@link ExpandedFrame}), with the rows of Spark holding each: the small first
 * pass that finds the classes and groups before the accumulators are folded. A Spark value is found
 * in the frame through {@link GroupTallyFolder#key}.
 *
 * @param frame each combination once
 * @param rows the Spark rows holding the combination of each row of {@code frame} (0 for a row
 *     whose keys repeat an earlier row's, e.g. null and NaN)
 * @param numeric whether each column is numeric
 * @param total the number of Spark rows
 */
record DistinctValues(Frame frame, long[] rows, boolean[] numeric, long total) {

    /** The distinct combinations of {@code columns}, at most {@code limit} of them. */
    static DistinctValues of(Dataset<Row> data, List<String> columns, int limit, String source) {
        RowCounts counts = RowCounts.of(data, columns, limit);
        long[] ones = new long[counts.counts().length];
        Arrays.fill(ones, 1);
        Frame frame = ExpandedFrame.of(new RowCounts(counts.columns(), counts.types(), counts.tuples(), ones, ones.length), source);
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = counts.types().fields()[c].dataType() instanceof NumericType;
        }
        Map<List<Object>, Long> byKey = new HashMap<>();
        for (int i = 0; i < counts.tuples().size(); i++) {
            Object[] t = counts.tuples().get(i);
            Object[] k = new Object[t.length];
            for (int c = 0; c < t.length; c++) {
                k[c] = GroupTallyFolder.key(t[c], numeric[c]);
            }
            byKey.merge(Arrays.asList(k), counts.counts()[i], Long::sum);
        }
        DistinctValues out = new DistinctValues(frame, new long[frame.rowCount()], numeric, counts.rows());
        for (int r = 0; r < frame.rowCount(); r++) {
            Long n = byKey.remove(out.key(r));
            out.rows[r] = n == null ? 0 : n;
        }
        return out;
    }

    /** The lookup keys of row {@code r} of the frame, as {@link GroupTallyFolder#key} makes them of Spark values. */
    List<Object> key(int r) {
        Object[] k = new Object[numeric.length];
        for (int c = 0; c < k.length; c++) {
            k[c] = valueKey(frame.columns().get(c), r, numeric[c]);
        }
        return Arrays.asList(k);
    }

    /** The key of row {@code r} of column {@code c} alone. */
    Object key(int r, int c) {
        return valueKey(frame.columns().get(c), r, numeric[c]);
    }

    private static Object valueKey(Column column, int r, boolean numeric) {
        if (numeric) {
            return column.isMissing(r) ? Double.NaN : ((NumericColumn) column).get(r);
        }
        return column.isMissing(r) ? null : column.format(r);
    }
}
