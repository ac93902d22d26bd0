package dev.assay.spark;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnTest;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.RowFilter;
import dev.assay.core.error.UnknownColumnException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntPredicate;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a Spark data set that a check's {@code where} ({@link RowFilter}) selects, chosen on
 * the executors by assay-core's own {@link ColumnTest}s: each partition is read in chunks, the
 * filter's columns of a chunk become core columns as {@link ExpandedFrame} makes them (Spark numeric
 * types numeric, null and NaN missing; every other type the text of its values, null missing), and a
 * row is kept when every test's matcher accepts it. So values are compared as text exactly as
 * locally ({@code 1} matches the number 1.0), ranges apply to numeric columns only, and missing
 * values match only {@code is missing}. The result is a lazy data set with the same columns.
 */
final class SparkSlice {
    /** Rows per chunk turned into core columns. */
    private static final int CHUNK = 4096;

    private SparkSlice() {
    }

    /**
     * The rows of {@code data} that {@code where} selects. The filter is checked against the data on
     * the driver first, so that a bad one fails with core's message and not inside a Spark task.
     *
     * @param source the data's name in messages
     * @throws dev.assay.core.error.InvalidInputException for an unknown column or a range on a column of text
     */
    static Dataset<Row> select(Dataset<Row> data, RowFilter where, String source) {
        StructType schema = data.schema();
        List<String> names = Arrays.asList(data.columns());
        for (Map.Entry<String, ColumnTest> e : where.tests().entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new UnknownColumnException(e.getKey(), "filter", source, names);
            }
            if (!numeric(schema, e.getKey())) {
                e.getValue().matcher(firstValue(data, e.getKey()), source);
            }
        }
        return data.mapPartitions(new Chunks(where, schema), Encoders.row(schema));
    }

    private static boolean numeric(StructType schema, String column) {
        return schema.apply(column).dataType() instanceof NumericType;
    }

    /** A text column holding the first value of {@code column}, which core quotes when a range cannot apply. */
    private static Column firstValue(Dataset<Row> data, String column) {
        List<Row> first = data.select(SparkColumns.col(column)).where(SparkColumns.col(column).isNotNull()).limit(1)
                .collectAsList();
        return first.isEmpty() ? CategoricalColumn.of(column) : CategoricalColumn.of(column, first.get(0).get(0).toString());
    }

    /** Keeps each partition's matching rows, testing them a chunk at a time. */
    private static final class Chunks implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final RowFilter where;
        private final String[] columns;
        private final int[] positions;
        private final boolean[] numeric;

        Chunks(RowFilter where, StructType schema) {
            this.where = where;
            this.columns = where.tests().keySet().toArray(new String[0]);
            this.positions = new int[columns.length];
            this.numeric = new boolean[columns.length];
            for (int c = 0; c < columns.length; c++) {
                positions[c] = schema.fieldIndex(columns[c]);
                numeric[c] = numeric(schema, columns[c]);
            }
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                private final List<Row> kept = new ArrayList<>();
                private int at;

                @Override
                public boolean hasNext() {
                    while (at == kept.size() && rows.hasNext()) {
                        kept.clear();
                        at = 0;
                        keep(rows);
                    }
                    return at < kept.size();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return kept.get(at++);
                }

                private void keep(Iterator<Row> rows) {
                    List<Row> chunk = new ArrayList<>(CHUNK);
                    while (chunk.size() < CHUNK && rows.hasNext()) {
                        chunk.add(rows.next());
                    }
                    IntPredicate[] matchers = new IntPredicate[columns.length];
                    for (int c = 0; c < columns.length; c++) {
                        matchers[c] = where.tests().get(columns[c]).matcher(column(chunk, c), "the data");
                    }
                    chunk:
                    for (int i = 0; i < chunk.size(); i++) {
                        for (IntPredicate m : matchers) {
                            if (!m.test(i)) {
                                continue chunk;
                            }
                        }
                        kept.add(chunk.get(i));
                    }
                }
            };
        }

        /** Filter column {@code c} of {@code chunk} as a core column. */
        private Column column(List<Row> chunk, int c) {
            int p = positions[c];
            if (numeric[c]) {
                double[] values = new double[chunk.size()];
                for (int i = 0; i < values.length; i++) {
                    Object v = chunk.get(i).get(p);
                    values[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                return NumericColumn.wrap(columns[c], values);
            }
            String[] values = new String[chunk.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = chunk.get(i).get(p);
                values[i] = v == null ? null : v.toString();
            }
            return CategoricalColumn.of(columns[c], values);
        }
    }
}
