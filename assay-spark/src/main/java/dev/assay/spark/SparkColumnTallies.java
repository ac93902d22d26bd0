package dev.assay.spark;

import dev.assay.core.data.Column;
import dev.assay.core.integrity.ColumnTallies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * {@link ColumnTallies} counted by Spark aggregations, so that no row reaches the driver. Values are
 * compared as the condensed frame would hold them ({@link ExpandedFrame}): a numeric column as doubles
 * ({@code NaN} missing, {@code -0.0} as {@code 0.0}), any other column by its value (null missing).
 * <ul>
 * <li>{@link #valueCounts}: {@code groupBy(column).count()} ({@link DistinctValues}, at most
 * {@code limit} values; the class counts {@code class_imbalance} reports), each value's text as core
 * formats it;</li>
 * <li>{@link #distinct}: one aggregation over the columns: {@code count(DISTINCT v)}, the rows with no
 * value and the smallest value, which is the value when there is one. The distinct values are
 * counted where they are (a shuffle), so a column with millions of them costs no driver memory.</li>
 * </ul>
 */
final class SparkColumnTallies implements ColumnTallies {
    private final Dataset<Row> data;
    private final String source;
    private final long rows;
    private final Map<String, Distinct> distinct = new HashMap<>();
    private final Map<String, ValueCounts> valueCounts = new HashMap<>();

    /**
     * Tallies of {@code data}: the rows of each value of {@code countedColumns} ({@code groupBy} per
     * column) and the distinct values of {@code distinctColumns} (one aggregation), counted now.
     *
     * @param limit the most values of one counted column brought to the driver
     * @throws RowCounts.TooManyCombinations when a counted column holds more values
     */
    SparkColumnTallies(Dataset<Row> data, List<String> countedColumns, List<String> distinctColumns, int limit, String source) {
        this.data = data;
        this.source = source;
        long total = -1;
        for (String c : countedColumns) {
            DistinctValues values = DistinctValues.of(data, List.of(c), limit, source);
            valueCounts.put(c, counts(values));
            total = values.total();
        }
        if (total < 0 || !distinctColumns.isEmpty()) {
            total = countDistinct(distinctColumns);
        }
        rows = total;
    }

    /** Counts the distinct values of {@code columns} in one aggregation and returns the number of rows. */
    private long countDistinct(List<String> columns) {
        List<org.apache.spark.sql.Column> aggregates = new ArrayList<>();
        StructType types = data.schema();
        for (String c : columns) {
            org.apache.spark.sql.Column v = value(c, types);
            aggregates.add(functions.countDistinct(v));
            aggregates.add(functions.count(functions.when(v.isNull(), 1)));
            aggregates.add(functions.min(v));
        }
        Row r = data.agg(functions.count(functions.lit(1)), aggregates.toArray(org.apache.spark.sql.Column[]::new)).first();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            long values = r.getLong(1 + 3 * i);
            Object one = r.get(3 + 3 * i);
            distinct.put(c, new Distinct(values, r.getLong(2 + 3 * i), values == 1 ? text(c, one) : null));
        }
        return r.getLong(0);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public ValueCounts valueCounts(String column) {
        return counted(valueCounts, column);
    }

    /** Each value's text as core formats it, with its rows; missing values apart. */
    private static ValueCounts counts(DistinctValues values) {
        Column c = values.frame().columns().get(0);
        Map<String, Long> counts = new HashMap<>();
        long missing = 0;
        for (int r = 0; r < values.frame().rowCount(); r++) {
            String text = c.format(r);
            if (text == null) {
                missing += values.rows()[r];
            } else {
                counts.merge(text, values.rows()[r], Long::sum);
            }
        }
        return new ValueCounts(counts, missing);
    }

    @Override
    public Distinct distinct(String column) {
        return counted(distinct, column);
    }

    private static <T> T counted(Map<String, T> counts, String column) {
        T t = counts.get(column);
        if (t == null) {
            throw new IllegalArgumentException("column '" + column + "' was not counted");
        }
        return t;
    }

    /** The compared value of column {@code c}: a double without NaN or {@code -0.0} for a number, else the column. */
    private static org.apache.spark.sql.Column value(String c, StructType types) {
        org.apache.spark.sql.Column col = SparkColumns.col(c);
        if (!(types.apply(c).dataType() instanceof NumericType)) {
            return col;
        }
        org.apache.spark.sql.Column number = col.cast(DataTypes.DoubleType).plus(0.0);
        return functions.nanvl(number, functions.lit(null).cast(DataTypes.DoubleType));
    }

    /** The text of {@code value} of column {@code c}, as core formats it in a condensed frame. */
    private String text(String c, Object value) {
        StructType type = new StructType(new org.apache.spark.sql.types.StructField[] {data.schema().apply(c)});
        List<Object[]> tuples = new ArrayList<>();
        tuples.add(new Object[] {value});
        return ExpandedFrame.of(new RowCounts(List.of(c), type, tuples, new long[] {1}, 1), source).columns().get(0).format(0);
    }
}
