package dev.assay.spark;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a Spark data set condensed to their distinct combinations of some columns, each with
 * the number of rows that hold it: the sufficient statistic of every check whose result depends on
 * the multiset of those values and not on the order of the rows (confusion counts, group counts,
 * category counts, empirical distributions). Spark computes it with {@code groupBy(...).count()}:
 * a partial count per partition, merged by key across partitions. Missing values (null, NaN) form
 * their own combinations.
 *
 * @param columns the columns, in order
 * @param types their Spark types
 * @param tuples the distinct combinations, each {@code columns.size()} values (null for missing)
 * @param counts the rows holding each combination
 * @param rows the total number of rows
 */
public record RowCounts(List<String> columns, StructType types, List<Object[]> tuples, long[] counts, long rows) {

    private static final String COUNT = "__assay_rows";

    /**
     * Condenses {@code columns} of {@code data}.
     *
     * @param limit the most distinct combinations to bring to the driver
     * @throws TooManyCombinations when there are more than {@code limit}
     */
    public static RowCounts of(Dataset<Row> data, List<String> columns, int limit) {
        Column[] cols = columns.stream().map(c -> functions.col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new);
        Dataset<Row> selected = data.select(cols);
        List<Row> grouped = selected.groupBy(cols).agg(functions.count(functions.lit(1)).as(COUNT))
                .limit(limit + 1).collectAsList();
        if (grouped.size() > limit) {
            throw new TooManyCombinations(columns, limit);
        }
        List<Object[]> tuples = new ArrayList<>(grouped.size());
        long[] counts = new long[grouped.size()];
        long rows = 0;
        int k = columns.size();
        for (int i = 0; i < grouped.size(); i++) {
            Row r = grouped.get(i);
            Object[] t = new Object[k];
            for (int c = 0; c < k; c++) {
                t[c] = r.get(c);
            }
            tuples.add(t);
            counts[i] = r.getLong(k);
            rows += counts[i];
        }
        return new RowCounts(List.copyOf(columns), selected.schema(), tuples, counts, rows);
    }

    /** More distinct combinations than may be brought to the driver. */
    public static final class TooManyCombinations extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        TooManyCombinations(List<String> columns, int limit) {
            super("The columns " + columns + " hold more than " + limit + " distinct combinations of values, more than the"
                    + " Spark engine brings to the driver. Name fewer or coarser columns in the check (e.g. columns: [...] or"
                    + " rounded scores), or raise the limit (SparkAssay.Options.maxCombinations, --conf assay.maxCombinations).");
        }
    }
}
