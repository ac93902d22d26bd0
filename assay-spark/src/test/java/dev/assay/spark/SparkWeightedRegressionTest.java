package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import dev.assay.core.suite.Suite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weighted regression metrics on Spark against the local evaluation of the same rows: the Diabetes
 * data 100 times over (44,200 rows), {@code target} predicted by a fixed linear formula, each row
 * weighed by its {@code bmi} (not whole numbers). Every metric equals the local one to 1e-12 and the
 * weighted median absolute error is the same value of the data, whatever the partitioning.
 */
class SparkWeightedRegressionTest {
    static final Schema SCHEMA = Schema.builder().label("target").prediction("predicted").weight("bmi").build();
    static final EvaluationSettings REGRESSION = EvaluationSettings.defaults().withTask(Task.REGRESSION);
    static Frame frame;
    static Dataset<Row> data;

    @BeforeAll
    static void read() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/data/diabetes_regression.csv"), StandardCharsets.UTF_8);
        int copies = 100;
        int n = (lines.size() - 1) * copies;
        double[] target = new double[n];
        double[] predicted = new double[n];
        double[] bmi = new double[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(1 + i % (lines.size() - 1)).split(",", -1);
            bmi[i] = Double.parseDouble(f[2]);
            target[i] = Double.parseDouble(f[10]);
            predicted[i] = 152.1 + 10.2 * (bmi[i] - 26.4) + 64.0 * (Double.parseDouble(f[8]) - 4.64);
            rows.add(RowFactory.create(target[i], predicted[i], bmi[i]));
        }
        frame = Frame.of(NumericColumn.wrap("target", target), NumericColumn.wrap("predicted", predicted),
                NumericColumn.wrap("bmi", bmi));
        StructType schema = new StructType().add("target", DataTypes.DoubleType).add("predicted", DataTypes.DoubleType)
                .add("bmi", DataTypes.DoubleType);
        data = SparkSessions.local().createDataFrame(rows, schema).repartition(4).cache();
    }

    private static void assertSame(Evaluation spark, Evaluation local) {
        assertThat(spark.rows()).isEqualTo(local.rows());
        assertThat(spark.metricIds()).isEqualTo(local.metricIds());
        for (String id : local.metricIds()) {
            double l = local.metric(id).value();
            assertThat(spark.metric(id).value()).as(id).isCloseTo(l, within(1e-12 * Math.max(1, Math.abs(l))));
        }
        assertThat(spark.problems()).isEqualTo(local.problems());
        assertThat(spark.notes()).containsAll(local.notes());
    }

    @Test
    void weightedMetricsOnDiabetesEqualTheLocalOnes() {
        Evaluation local = Evaluator.evaluate(frame, SCHEMA, REGRESSION);
        Evaluation spark = SparkEvaluator.evaluate(data, SCHEMA, REGRESSION, "diabetes");
        assertSame(spark, local);
        double median = spark.metric("median_absolute_error").value();
        assertThat(median).isEqualTo(local.metric("median_absolute_error").value());
        Evaluation unweighted = Evaluator.evaluate(frame, SCHEMA.toBuilder().weight(null).build(), REGRESSION);
        assertThat(median).as("the weights matter").isNotEqualTo(unweighted.metric("median_absolute_error").value());
        assertThat(spark.metric("mae").value()).isNotEqualTo(unweighted.metric("mae").value());
        assertThat(spark.notes()).anyMatch(s -> s.startsWith("median_absolute_error: exact (the weighted median"));
    }

    @Test
    void theMedianDoesNotDependOnThePartitioning() {
        double two = SparkEvaluator.evaluate(data.repartition(2), SCHEMA, REGRESSION, "d").metric("median_absolute_error").value();
        double seven = SparkEvaluator.evaluate(data.repartition(7), SCHEMA, REGRESSION, "d").metric("median_absolute_error").value();
        assertThat(seven).isEqualTo(two);
    }

    @Test
    void aWeightedRegressionCheckRunsOnStatisticsBeyondTheCombinationLimit() {
        Suite suite = Suite.of("weighted", MetricCheck.builder().evaluation(REGRESSION).fail("mae <= 100").build());
        var result = SparkAssay.run(suite, SCHEMA, data, "diabetes", null, null, Map.of(), new SparkAssay.Options(50),
                dev.assay.core.progress.Progress.NONE);
        CheckResult r = result.checks().get(0);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
        assertThat(r.notes()).anyMatch(s -> s.contains("no rows were brought to the driver"));
        assertThat(r.measurement("median_absolute_error").value())
                .isEqualTo(Evaluator.evaluate(frame, SCHEMA, REGRESSION).metric("median_absolute_error").value());
    }

    @Test
    void badWeightsNameTheColumnAndTheFix() {
        var negative = data.withColumn("bmi", functions.when(functions.col("target").equalTo(151), -1.0).otherwise(functions.col("bmi")));
        assertThatThrownBy(() -> SparkEvaluator.evaluate(negative, SCHEMA, REGRESSION, "diabetes"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'bmi' (weight) of diabetes holds 300 missing, negative or infinite weights");
        var zero = data.withColumn("bmi", functions.lit(0.0));
        assertThatThrownBy(() -> SparkEvaluator.evaluate(zero, SCHEMA, REGRESSION, "diabetes"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only zero weights");
        Evaluation empty = SparkEvaluator.evaluate(data.limit(0), SCHEMA, REGRESSION, "diabetes");
        assertThat(empty.rows()).isZero();
        assertThat(empty.metric("median_absolute_error").defined()).isFalse();
    }
}
