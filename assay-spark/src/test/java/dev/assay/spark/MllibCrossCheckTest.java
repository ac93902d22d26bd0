package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.CheckResult;
import dev.assay.core.suite.Suite;
import java.nio.file.Path;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
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
 * threshold) and {@code MulticlassMetrics} on the same Dataset.
 */
class MllibCrossCheckTest {
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
}
