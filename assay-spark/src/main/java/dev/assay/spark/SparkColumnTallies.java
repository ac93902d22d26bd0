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
 * <li>{@link #distinct}: the distinct values of every column counted in one job (see
 * {@link #countDistinct}), with the rows that have none and the value when there is one. The distinct
 * values are counted where they are (a shuffle), so a column with millions of them brings three
 * numbers to the driver.</li>
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

    /**
     * Counts the distinct values of {@code columns} and returns the number of rows: every row becomes
     * one record {@code (column, number, text)} per column (a number in {@code number}, any other value
     * cast to text in {@code text}, both null when missing), the records are grouped by their three
     * fields with a count (each partition sends its distinct values once), and the groups are counted
     * per column. Work and shuffle grow with rows × columns, not with their square.
     */
    private long countDistinct(List<String> columns) {
        if (columns.isEmpty()) {
            return data.count();
        }
        StructType types = data.schema();
        List<org.apache.spark.sql.Column> records = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            boolean numeric = types.apply(c).dataType() instanceof NumericType;
            org.apache.spark.sql.Column col = SparkColumns.col(c);
            org.apache.spark.sql.Column number = numeric ? functions.nanvl(col.cast(DataTypes.DoubleType).plus(0.0),
                    functions.lit(null).cast(DataTypes.DoubleType)) : functions.lit(null).cast(DataTypes.DoubleType);
            org.apache.spark.sql.Column text = numeric ? functions.lit(null).cast(DataTypes.StringType) : col.cast(DataTypes.StringType);
            records.add(functions.struct(functions.lit(i).as("c"), number.as("n"), text.as("t")));
        }
        Dataset<Row> values = data.select(functions.explode(functions.array(records.toArray(org.apache.spark.sql.Column[]::new)))
                .as("r")).select("r.c", "r.n", "r.t").groupBy("c", "n", "t").count();
        org.apache.spark.sql.Column present = functions.col("n").isNotNull().or(functions.col("t").isNotNull());
        List<Row> perColumn = values.groupBy("c").agg(functions.count(functions.when(present, 1)),
                functions.sum(functions.when(functions.not(present), functions.col("count")).otherwise(0L)),
                functions.sum("count"), functions.min("n")).collectAsList();
        long total = 0;
        for (Row r : perColumn) {
            String c = columns.get(r.getInt(0));
            long distinctValues = r.getLong(1);
            total = r.getLong(3);
            String one = null;
            if (distinctValues == 1) {
                one = text(c, r.isNullAt(4) ? firstValue(c) : r.getDouble(4));
            }
            distinct.put(c, new Distinct(distinctValues, r.getLong(2), one));
        }
        for (String c : columns) {
            distinct.putIfAbsent(c, new Distinct(0, 0, null));
        }
        return total;
    }

    /** The first non-missing value of column {@code c}, as Spark holds it. */
    private Object firstValue(String c) {
        org.apache.spark.sql.Column col = SparkColumns.col(c);
        return data.select(col).where(col.isNotNull()).limit(1).collectAsList().get(0).get(0);
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

    /** The text of {@code value} of column {@code c}, as core formats it in a condensed frame. */
    private String text(String c, Object value) {
        StructType type = new StructType(new org.apache.spark.sql.types.StructField[] {data.schema().apply(c)});
        List<Object[]> tuples = new ArrayList<>();
        tuples.add(new Object[] {value});
        return ExpandedFrame.of(new RowCounts(List.of(c), type, tuples, new long[] {1}, 1), source).columns().get(0).format(0);
    }
}
