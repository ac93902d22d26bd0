package dev.assay.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Finds the first row that breaks a rule, for messages that name it as the local run does: rows are
 * numbered in partition order (for a file read by Spark, its order), from 0. Runs only when a folded
 * count says such a row exists, so valid data costs nothing.
 *
 * @param index the row's 0-based index
 * @param row the row
 */
record FirstRow(long index, Row row) {

    /** The first row of {@code rows} for which {@code test} holds, or null if none. */
    static FirstRow of(Dataset<Row> rows, Function<Row, Boolean> test) {
        List<Tuple2<Row, Long>> first = rows.javaRDD().zipWithIndex().filter(t -> test.call(t._1())).take(1);
        return first.isEmpty() ? null : new FirstRow(first.get(0)._2(), first.get(0)._1());
    }
}
