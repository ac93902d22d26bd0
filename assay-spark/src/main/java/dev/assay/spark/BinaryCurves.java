package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The binary evaluation of every curve of a Spark data set ({@link GroupCoder}: all rows, and each group
 * or slice): one scan folds each partition into a {@link BinaryFolder} accumulator per curve
 * ({@link GroupedFolder}), and, once asked for, one sort ranks every curve's scores exactly
 * ({@link DistinctScoreSweep}); each curve is evaluated as the whole data is ({@link SparkEvaluator#fromPartial}).
 * The driver holds accumulators and per-partition totals, never rows.
 */
final class BinaryCurves {
    private final Map<Integer, GroupedFolder.Curve<BinaryFolder.Partial>> curves;
    private final Dataset<Row> rows;
    private final GroupCoder coder;
    private final Schema schema;
    private final String positive;
    private final String source;
    private Map<Integer, BinaryRanking> ranked;

    private BinaryCurves(Map<Integer, GroupedFolder.Curve<BinaryFolder.Partial>> curves, Dataset<Row> rows, GroupCoder coder,
            Schema schema, String positive, String source) {
        this.curves = curves;
        this.rows = rows;
        this.coder = coder;
        this.schema = schema;
        this.positive = positive;
        this.source = source;
    }

    /**
     * Folds {@code data}'s label, prediction, score and weight (those the schema names) per curve of {@code coder},
     * whose key columns are {@code keys}, a row being positive when its class is {@code positive}.
     */
    static BinaryCurves fold(Dataset<Row> data, Schema schema, List<String> keys, GroupCoder coder, String positive,
            double threshold, String source) {
        List<Column> columns = new ArrayList<>(List.of(SparkColumns.col(schema.label()), SparkColumns.col(schema.prediction()),
                SparkColumns.col(schema.score()), SparkColumns.col(schema.weight())));
        keys.forEach(k -> columns.add(SparkColumns.col(k)));
        Dataset<Row> rows = data.select(columns.toArray(Column[]::new));
        BinaryFolder inner = new BinaryFolder(positive, schema.prediction() != null, schema.score() != null,
                schema.weight() != null, threshold);
        return new BinaryCurves(PartitionFold.fold(rows, new GroupedFolder<>(inner, coder, true)), rows, coder, schema, positive,
                source);
    }

    /** The rows of {@code curve}; 0 when it holds none. */
    long size(int curve) {
        GroupedFolder.Curve<BinaryFolder.Partial> c = curves.get(curve);
        return c == null ? 0 : c.stats().rows;
    }

    /** The label rows of class {@code name} in {@code curve}. */
    long labelRows(int curve, String name) {
        GroupedFolder.Curve<BinaryFolder.Partial> c = curves.get(curve);
        return c == null ? 0 : c.labelRows().getOrDefault(name, 0L);
    }

    /**
     * The evaluation of {@code curve} with {@code settings}.
     *
     * @throws InvalidInputException if its rows cannot be evaluated (missing values, bad weights), as locally
     */
    Evaluation evaluate(int curve, EvaluationSettings settings) {
        GroupedFolder.Curve<BinaryFolder.Partial> c = curves.get(curve);
        if (c == null) {
            throw new InvalidInputException(source + " has no rows to evaluate.");
        }
        SparkEvaluator.BinaryEncoding encoding = encoding(curve, settings);
        return SparkEvaluator.fromPartial(c.stats(), () -> ranking(curve), encoding, schema, settings, source,
                List.of(encoding.note()));
    }

    /** The classes of {@code curve} (which holds rows) and its positive one, as the local evaluation chooses them. */
    SparkEvaluator.BinaryEncoding encoding(int curve, EvaluationSettings settings) {
        GroupedFolder.Curve<BinaryFolder.Partial> c = curves.get(curve);
        return SparkEvaluator.encoding(SparkClasses.of(c.labelRows(), c.predicted()), schema, settings, source);
    }

    private BinaryRanking ranking(int curve) {
        if (ranked == null) {
            ranked = rankings();
        }
        return ranked.get(curve);
    }

    /** Every curve's scores ranked in one sort. */
    private Map<Integer, BinaryRanking> rankings() {
        boolean weighted = schema.weight() != null;
        String pos = positive;
        GroupCoder by = coder;
        JavaPairRDD<DistinctScoreSweep.CurveScore, double[]> scores = rows.javaRDD().flatMapToPair(r -> {
            double w = weighted ? ((Number) r.get(3)).doubleValue() : 1;
            boolean isPositive = pos.equals(SparkClasses.name(r.get(0)));
            double score = ((Number) r.get(2)).doubleValue();
            List<Tuple2<DistinctScoreSweep.CurveScore, double[]>> out = new ArrayList<>();
            for (int curve : by.curves(r)) {
                if (curve >= 0) {
                    out.add(new Tuple2<>(new DistinctScoreSweep.CurveScore(curve, score),
                            isPositive ? new double[] {w, 0} : new double[] {0, w}));
                }
            }
            return out.iterator();
        });
        return DistinctScoreSweep.of(scores, Math.max(1, rows.rdd().getNumPartitions()), DistinctScoreSweep.CHART_POINTS);
    }
}
