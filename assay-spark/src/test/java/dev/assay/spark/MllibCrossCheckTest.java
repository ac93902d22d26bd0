package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MulticlassMetrics.ClassReport;
import dev.assay.core.result.CheckResult;
import dev.assay.core.suite.Suite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * Binary metrics of {@link SparkAssay} on Adult (32,561 rows, a logistic model's scores) against
 * Spark MLlib's {@code BinaryClassificationMetrics} (numBins 0: exact, every distinct score a
 * threshold) and {@code MulticlassMetrics} on the same Dataset; and multiclass metrics on Iris (a
 * scikit-learn logistic regression's held-out predictions, 50,025 rows) against {@code MulticlassMetrics}
 * (accuracy, weighted and per-class precision, recall and F1) and, for the probability metrics MLlib
 * lacks, against the local run on the same rows.
 */
class MllibCrossCheckTest {
    /** The held-out Iris rows with a scikit-learn logistic regression's predictions (see the PROVENANCE.md beside it). */
    static final Path IRIS = Path.of("src", "test", "resources", "data", "iris_predictions.csv");
    /** 75 rows 667 times over: 50,025 rows. */
    static final int IRIS_COPIES = 667;

    @TempDir
    Path dir;

    @Test
    void binaryMetricsAgreeWithMllib() {
        SparkSession spark = SparkSessions.local();
        Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(AdultData.write(dir.resolve("adult.csv"), 0, 32561, 1).toString());
        Suite suite = Suite.of("mllib", MetricCheck.builder().evaluation(EvaluationSettings.defaults().withTask(
                dev.assay.core.metrics.Task.BINARY).withPositiveClass(">50K")).build());
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        CheckResult ours = SparkAssay.run(suite, schema, data).checks().get(0);

        Dataset<Row> numeric = data.select(functions.col("score"),
                functions.when(functions.col("income-per-year").equalTo(">50K"), 1.0).otherwise(0.0).as("y"),
                functions.when(functions.col("prediction").equalTo(">50K"), 1.0).otherwise(0.0).as("p"));
        BinaryClassificationMetrics binary = new BinaryClassificationMetrics(numeric.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1))).rdd(), 0);
        assertThat(ours.measurement("roc_auc").value()).isCloseTo(binary.areaUnderROC(), within(1e-12));
        MulticlassMetrics multi = new MulticlassMetrics(numeric.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(2), r.getDouble(1))).rdd());
        assertThat(ours.measurement("accuracy").value()).isCloseTo(multi.accuracy(), within(1e-12));
        assertThat(ours.measurement("precision").value()).isCloseTo(multi.precision(1.0), within(1e-12));
        assertThat(ours.measurement("recall").value()).isCloseTo(multi.recall(1.0), within(1e-12));
        assertThat(ours.measurement("f1").value()).isCloseTo(multi.fMeasure(1.0), within(1e-12));
        assertThat(ours.measurement("fpr").value()).isCloseTo(multi.falsePositiveRate(1.0), within(1e-12));
        binary.unpersist();
    }

    @Test
    void multiclassMetricsAgreeWithMllibAndTheLocalRun() throws IOException {
        List<String> lines = Files.readAllLines(IRIS, StandardCharsets.UTF_8);
        List<String> body = lines.subList(1, lines.size());
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < IRIS_COPIES; c++) {
            for (String line : body) {
                csv.append(line).append('\n');
                rows.add(line.split(",", -1));
            }
        }
        Path file = Files.writeString(dir.resolve("iris.csv"), csv);
        Dataset<Row> data = SparkSessions.local().read().option("header", "true").option("inferSchema", "true").csv(file.toString());
        Schema schema = Schema.builder().label("species").prediction("predicted").classProbability("setosa", "proba_setosa")
                .classProbability("versicolor", "proba_versicolor").classProbability("virginica", "proba_virginica").build();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(dev.assay.core.metrics.Task.MULTICLASS);
        CheckResult ours = SparkAssay.run(Suite.of("mllib", MetricCheck.builder().evaluation(settings).build()), schema, data)
                .checks().get(0);
        Evaluation evaluation = SparkEvaluator.evaluate(data, schema, settings, "iris");

        List<String> classes = List.of("setosa", "versicolor", "virginica");
        Dataset<Row> indices = data.select(index("predicted", classes), index("species", classes));
        MulticlassMetrics multi = new MulticlassMetrics(indices.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1))).rdd());
        assertThat(ours.measurement("accuracy").value()).isCloseTo(multi.accuracy(), within(1e-12));
        assertThat(ours.measurement("precision_weighted").value()).isCloseTo(multi.weightedPrecision(), within(1e-12));
        assertThat(ours.measurement("recall_weighted").value()).isCloseTo(multi.weightedRecall(), within(1e-12));
        assertThat(ours.measurement("f1_weighted").value()).isCloseTo(multi.weightedFMeasure(), within(1e-12));
        for (ClassReport report : evaluation.perClass()) {
            double label = classes.indexOf(report.label());
            assertThat(report.precision()).as(report.label()).isCloseTo(multi.precision(label), within(1e-12));
            assertThat(report.recall()).as(report.label()).isCloseTo(multi.recall(label), within(1e-12));
            assertThat(report.f1()).as(report.label()).isCloseTo(multi.fMeasure(label), within(1e-12));
        }
        assertThat(evaluation.perClass()).hasSize(3);

        String[] header = lines.get(0).split(",", -1);
        List<dev.assay.core.data.Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            int at = c;
            if (header[c].equals("species") || header[c].equals("predicted")) {
                columns.add(TextColumn.wrap(header[c], rows.stream().map(f -> f[at]).toArray(String[]::new)));
            } else {
                columns.add(NumericColumn.wrap(header[c], rows.stream().mapToDouble(f -> Double.parseDouble(f[at])).toArray()));
            }
        }
        Evaluation local = Evaluator.evaluate(Frame.of(columns), schema, settings);
        for (String id : List.of("roc_auc_ovr", "average_precision_macro", "average_precision_weighted", "log_loss", "mcc",
                "cohen_kappa", "balanced_accuracy")) {
            assertThat(ours.measurement(id).value()).as(id).isCloseTo(local.metric(id).value(), within(1e-12));
        }
        assertThat(ours.measurement("accuracy").n()).isEqualTo(75L * IRIS_COPIES);
    }

    /** The index of {@code column}'s class in {@code classes}, as MLlib's labels are numbers. */
    private static Column index(String column, List<String> classes) {
        Column c = functions.lit(-1.0);
        for (int i = classes.size() - 1; i >= 0; i--) {
            c = functions.when(functions.col(column).equalTo(classes.get(i)), (double) i).otherwise(c);
        }
        return c;
    }
}
