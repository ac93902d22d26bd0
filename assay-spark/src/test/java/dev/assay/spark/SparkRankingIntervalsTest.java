package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.check.CheckContext;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.suite.Suite;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap intervals of roc_auc and average_precision on Spark ({@link ResampledRankings}) on Adult
 * (32,561 rows) with an unrounded score (11,115 distinct row contents) and sample weights 1..3:
 * each resample's values equal those of the local evaluation of the same weighted rows (1e-12); the
 * intervals do not depend on the partitioning and lie within 15% of the local stratified bootstrap's
 * width of its ends (see {@link SparkIntervalsTest} for the tolerance), with far fewer combinations
 * allowed than distinct scores, so no rows are condensed.
 */
class SparkRankingIntervalsTest {
    static final EvaluationSettings BINARY = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass(">50K");
    static ContinuousScores adult;

    @BeforeAll
    static void data() {
        adult = new ContinuousScores(1);
    }

    @Test
    void eachResampleIsRankedExactlyAsTheLocalEvaluationOfItsWeightedRows() {
        int resamples = 4;
        PoissonReplicates draws = new PoissonReplicates(">50K", true, true, true, 0.5, resamples, 11);
        Dataset<Row> contents = adult.data.select(functions.col("label").as("l"), functions.col("prediction").as("p"),
                functions.col("score").as("s"), functions.col("weight").as("w")).groupBy("l", "p", "s", "w").count();
        double[][] scale = {{1.0, 0.7, 1.3, 2.0}, {1.0, 1.1, 0.6, 2.0}};
        BinaryRanking[] spark = ResampledRankings.of(contents.repartition(5), draws, scale);

        List<Row> rows = contents.collectAsList();
        assertThat(rows.size()).isGreaterThan(10_000);
        int n = rows.size();
        String[] label = new String[n];
        double[] score = new double[n];
        double[][] weight = new double[resamples][n];
        for (int i = 0; i < n; i++) {
            PoissonReplicates.Content c = draws.content(rows.get(i));
            label[i] = c.label();
            score[i] = c.score();
            SplittableRandom random = draws.stream(c);
            int t = draws.positive(c) ? 1 : 0;
            for (int b = 0; b < resamples; b++) {
                weight[b][i] = PoissonReplicates.poisson(c.count(), random) * c.weight() * scale[t][b];
            }
        }
        Schema schema = Schema.builder().label("label").score("score").weight("weight").build();
        for (int b = 0; b < resamples; b++) {
            Frame frame = Frame.of(TextColumn.wrap("label", label), NumericColumn.wrap("score", score),
                    NumericColumn.wrap("weight", weight[b]));
            Evaluation local = Evaluator.evaluate(frame, schema, BINARY);
            for (String id : List.of("roc_auc", "average_precision")) {
                double expected = local.metric(id).value();
                double actual = (id.equals("roc_auc") ? spark[b].rocAuc() : spark[b].averagePrecision()).value();
                assertThat(expected).as(id + " of resample " + b).isBetween(0.3, 0.95);
                assertThat(actual).as(id + " of resample " + b).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void weightedIntervalsDoNotDependOnThePartitioningAndAgreeWithTheLocalOnes() {
        Schema schema = Schema.builder().label("label").prediction("prediction").score("score").weight("weight").build();
        MetricCheck check = MetricCheck.builder().metric("recall", "roc_auc", "average_precision")
                .ci(new IntervalSettings(IntervalMethod.PERCENTILE, 1000, 0.95)).evaluation(BINARY).seed(5).build();
        Suite suite = Suite.of("ranking ci", check);
        SparkAssay.Options few = new SparkAssay.Options(50);
        CheckResult three = SparkAssay.run(suite, schema, adult.data.repartition(3), "adult", null, null, Map.of(), few,
                Progress.NONE).checks().get(0);
        CheckResult seven = SparkAssay.run(suite, schema, adult.data.repartition(7), "adult", null, null, Map.of(), few,
                Progress.NONE).checks().get(0);
        assertThat(three.notes()).anyMatch(n -> n.contains("no rows were brought to the driver"));
        CheckResult local = check.run(new CheckContext(dev.assay.core.data.Dataset.of("current", adult.frame, schema), null));
        for (String id : List.of("recall", "roc_auc", "average_precision")) {
            Interval si = three.measurement(id).interval();
            assertThat(si).as(id).isNotNull();
            assertThat(si.lower()).as(id).isCloseTo(seven.measurement(id).interval().lower(), within(1e-12));
            assertThat(si.upper()).as(id).isCloseTo(seven.measurement(id).interval().upper(), within(1e-12));
            Measurement l = local.measurement(id);
            assertThat(three.measurement(id).value()).as(id).isCloseTo(l.value(), within(1e-12));
            double width = l.interval().upper() - l.interval().lower();
            assertThat(width).as(id).isPositive();
            assertThat(si.lower()).as(id + " lower").isCloseTo(l.interval().lower(), within(0.15 * width));
            assertThat(si.upper()).as(id + " upper").isCloseTo(l.interval().upper(), within(0.15 * width));
        }
    }
}
