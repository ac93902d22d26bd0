package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import dev.assay.core.suite.Suite;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metric path of {@link SparkAssay} against the local {@link Evaluator} on the same rows: Adult
 * twice over (65,122 rows) with an unrounded score (more distinct values than the condensed path
 * brings to the driver). Every metric equals the local one (confusion counts exactly, sums and the
 * exact ROC AUC and average precision to 1e-12), weighted and unweighted, and for regression (weighted
 * and unweighted).
 */
class SparkEvaluatorTest {
    static ContinuousScores adult;
    static final EvaluationSettings BINARY = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass(">50K");

    @BeforeAll
    static void data() {
        adult = new ContinuousScores(2);
    }

    @Test
    void binaryMetricsEqualTheLocalOnes() {
        Schema schema = Schema.builder().label("label").prediction("prediction").score("score").build();
        Evaluation local = Evaluator.evaluate(adult.frame, schema, BINARY);
        Evaluation spark = SparkEvaluator.evaluate(adult.data, schema, BINARY, "adult");
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.metric("true_positives").value()).isEqualTo(local.metric("true_positives").value()).isPositive();
        assertThat(spark.metric("roc_auc").value()).isBetween(0.7, 0.9);
        assertThat(spark.notes()).anyMatch(n -> n.startsWith("roc_auc and average_precision: exact, from the"));
    }

    @Test
    void weightedBinaryMetricsWithoutPredictionsEqualTheLocalOnesAndTheDefaultPositiveClassIsTheSame() {
        Schema schema = Schema.builder().label("label").score("score").weight("weight").build();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(Task.BINARY).withThreshold(0.3);
        Evaluation local = Evaluator.evaluate(adult.frame, schema, settings);
        Evaluation spark = SparkEvaluator.evaluate(adult.data, schema, settings, "adult");
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.notes().get(0)).isEqualTo(local.notes().get(0)).contains(">50K", "less frequent");
    }

    @Test
    void scoresOutsideTheUnitIntervalLeaveTheLossesUndefinedAndTheRankingExact() {
        Schema schema = Schema.builder().label("label").prediction("prediction").score("twice").build();
        var logit = adult.data.withColumn("twice", functions.expr("score * 2"));
        Evaluation spark = SparkEvaluator.evaluate(logit, schema, BINARY, "adult");
        Evaluation plain = SparkEvaluator.evaluate(adult.data, schema.toBuilder().score("score").build(), BINARY, "adult");
        assertThat(spark.metric("log_loss").defined()).isFalse();
        assertThat(spark.metric("log_loss").undefinedReason()).contains("twice", "outside [0, 1]");
        assertThat(spark.metric("roc_auc").value()).isCloseTo(plain.metric("roc_auc").value(), within(1e-12));
        assertThat(spark.metric("average_precision").value()).isCloseTo(plain.metric("average_precision").value(), within(1e-12));
    }

    @Test
    void regressionMetricsEqualTheLocalOnesAndTheMedianIsExact() {
        Schema schema = Schema.builder().label("hours").prediction("predicted_hours").build();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(Task.REGRESSION);
        Evaluation local = Evaluator.evaluate(adult.frame, schema, settings);
        Evaluation spark = SparkEvaluator.evaluate(adult.data, schema, settings, "adult");
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.metric("median_absolute_error").value()).isEqualTo(local.metric("median_absolute_error").value());
    }

    @Test
    void weightedRegressionMetricsEqualTheLocalOnes() {
        Schema schema = Schema.builder().label("hours").prediction("predicted_hours").weight("weight").build();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(Task.REGRESSION);
        Evaluation local = Evaluator.evaluate(adult.frame, schema, settings);
        Evaluation spark = SparkEvaluator.evaluate(adult.data, schema, settings, "adult");
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.metric("median_absolute_error").value()).isEqualTo(local.metric("median_absolute_error").value());
        assertThat(spark.notes()).containsAll(local.notes());
    }

    @Test
    void badInputNamesTheColumnAndTheFix() {
        Schema schema = Schema.builder().label("label").prediction("prediction").score("score").build();
        var missing = adult.data.withColumn("score", functions.when(functions.col("hours").equalTo(40), null)
                .otherwise(functions.col("score")));
        assertThatThrownBy(() -> SparkEvaluator.evaluate(missing, schema, BINARY, "adult"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Column 'score' (score) of adult has")
                .hasMessageContaining("missing values");
        assertThatThrownBy(() -> SparkEvaluator.evaluate(adult.data, schema.toBuilder().score("nope").build(), BINARY, "adult"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'nope' is not in adult");
        assertThatThrownBy(() -> SparkEvaluator.evaluate(adult.data, schema, BINARY.withPositiveClass("rich"), "adult"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'rich' does not occur");
        Evaluation none = SparkEvaluator.evaluate(adult.data.limit(0), schema, BINARY.withPositiveClass(null), "adult");
        assertThat(none.rows()).isZero();
    }

    @Test
    void aMetricCheckOverMoreDistinctScoresThanTheCombinationLimitRunsWithoutRowsOnTheDriver() {
        Schema schema = Schema.builder().label("label").prediction("prediction").score("score").build();
        Suite suite = Suite.of("scale", MetricCheck.builder().evaluation(BINARY).fail("roc_auc >= 0.7").build(),
                MetricCheck.builder().name("Percentile, task inferred").ci(new IntervalSettings(IntervalMethod.PERCENTILE, 100,
                        0.95)).build());
        var result = SparkAssay.run(suite, schema, adult.data, "adult", null, null, Map.of(), new SparkAssay.Options(1000),
                dev.assay.core.progress.Progress.NONE);
        CheckResult metric = result.checks().get(0);
        assertThat(metric.status()).as(metric.message()).isEqualTo(Status.PASS);
        assertThat(metric.notes()).anyMatch(n -> n.contains("no rows were brought to the driver"));
        assertThat(metric.measurement("roc_auc").n()).isEqualTo(adult.rows);
        CheckResult condensed = result.checks().get(1);
        assertThat(condensed.status()).as("the condensed path refuses the same columns: " + condensed.message()).isEqualTo(Status.SKIPPED);
        assertThat(condensed.message()).contains("more than 1000 distinct combinations");
    }

    @Test
    void bcaIntervalsGiveTheLocalReasonAboveTheJackknifeLimitAndAreComputedByCoreBelowIt() {
        Schema schema = Schema.builder().label("label").prediction("prediction").score("score").build();
        IntervalSettings bca = new IntervalSettings(IntervalMethod.BCA, 200, 0.95);
        Suite suite = Suite.of("bca", MetricCheck.builder().metric("recall", "roc_auc").ci(bca).evaluation(BINARY).seed(3).build());
        CheckResult all = SparkAssay.run(suite, schema, adult.data, "adult", null, null, Map.of(), new SparkAssay.Options(1000),
                dev.assay.core.progress.Progress.NONE).checks().get(0);
        assertThat(all.notes()).anyMatch(n -> n.contains("no rows were brought to the driver"));
        Evaluation whole = Evaluator.evaluate(adult.frame, schema, BINARY);
        String reason = MetricIntervals.of(adult.frame, schema, BINARY, whole, List.of("recall"), bca, 3).get("recall")
                .undefinedReason();
        assertThat(reason).contains("jackknife");
        assertThat(all.measurement("recall").interval()).isNull();
        assertThat(all.measurement("recall").note()).isEqualTo("No 95% interval: " + reason);

        // the rows working under 30 hours a week: within the limit, core computes the interval on the rows brought to
        // the driver
        double[] hours = adult.frame.numeric("hours", "hours").toArray();
        int[] part = java.util.stream.IntStream.range(0, hours.length).filter(i -> hours[i] < 30).toArray();
        assertThat(part.length).isBetween(1000, MetricIntervals.bcaMaxRows());
        CheckResult some = SparkAssay.run(suite, schema, adult.data.filter(functions.col("hours").lt(30)), "adult", null, null,
                Map.of(), SparkAssay.Options.DEFAULT, dev.assay.core.progress.Progress.NONE).checks().get(0);
        Frame first = adult.frame.slice(part);
        Evaluation local = Evaluator.evaluate(first, schema, BINARY);
        Map<String, IntervalEstimate> expected = MetricIntervals.of(first, schema, BINARY, local, List.of("recall", "roc_auc"), bca,
                3);
        for (String id : List.of("recall", "roc_auc")) {
            var interval = some.measurement(id).interval();
            var l = expected.get(id).interval();
            double width = l.upper() - l.lower();
            assertThat(some.measurement(id).value()).as(id).isCloseTo(local.metric(id).value(), within(1e-12));
            assertThat(interval.lower()).as(id).isCloseTo(l.lower(), within(0.15 * width));
            assertThat(interval.upper()).as(id).isCloseTo(l.upper(), within(0.15 * width));
        }
    }

    @Test
    void theSweepDoesNotDependOnThePartitioning() {
        Schema schema = Schema.builder().label("label").score("score").weight("weight").build();
        Evaluation two = SparkEvaluator.evaluate(adult.data.repartition(2), schema, BINARY, "adult");
        Evaluation nine = SparkEvaluator.evaluate(adult.data.repartition(9), schema, BINARY, "adult");
        for (String id : List.of("roc_auc", "average_precision", "log_loss", "true_positives")) {
            assertThat(nine.metric(id).value()).as(id).isCloseTo(two.metric(id).value(), within(1e-12));
        }
    }
}
