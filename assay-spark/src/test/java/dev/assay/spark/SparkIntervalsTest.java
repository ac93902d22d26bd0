package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.suite.Suite;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bootstrap intervals on Spark (Poisson weights per distinct row content, {@link PoissonBootstrap}) on
 * Adult, 32,561 rows, 1000 resamples: the same interval however Spark partitions the data (counts
 * exactly, loss sums and ranking metrics to 1e-12), and close to the local stratified bootstrap
 * interval, for roc_auc and average_precision too. The tolerance,
 * 15% of the interval's width, is about five standard deviations of the Monte Carlo difference of two
 * independent 1000-resample percentile endpoints (each endpoint's standard error is about 2% of the
 * width for a normal sampling distribution), so a failure means a different distribution, not other draws.
 */
class SparkIntervalsTest {
    @TempDir
    Path dir;

    @Test
    void intervalsDoNotDependOnThePartitioningAndAgreeWithTheLocalOnes() {
        Path file = AdultData.write(dir.resolve("adult.csv"), 0, 32561, 1);
        Dataset<Row> data = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(file.toString()).cache();
        Suite suite = Suite.of("ci", MetricCheck.builder().metric("recall", "accuracy", "log_loss", "roc_auc", "average_precision")
                .ci(new IntervalSettings(IntervalMethod.PERCENTILE, 1000, 0.95))
                .evaluation(EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass(">50K")).seed(7).build());
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();

        CheckResult three = SparkAssay.run(suite, schema, data.repartition(3)).checks().get(0);
        CheckResult seven = SparkAssay.run(suite, schema, data.repartition(7)).checks().get(0);
        assertThat(three.notes()).anyMatch(n -> n.contains("no rows were brought to the driver"));
        assertThat(three.measurement("recall").interval()).isNotNull().isEqualTo(seven.measurement("recall").interval());
        assertThat(three.measurement("accuracy").interval()).isEqualTo(seven.measurement("accuracy").interval());
        assertThat(three.measurement("log_loss").interval().lower())
                .isCloseTo(seven.measurement("log_loss").interval().lower(), within(1e-12));
        for (String id : new String[] {"roc_auc", "average_precision"}) {
            Interval i = three.measurement(id).interval();
            assertThat(i).as(id).isNotNull();
            assertThat(i.lower()).as(id).isCloseTo(seven.measurement(id).interval().lower(), within(1e-12));
            assertThat(i.upper()).as(id).isCloseTo(seven.measurement(id).interval().upper(), within(1e-12));
        }

        dev.assay.io.suite.SuitePlan plan = dev.assay.io.suite.SuitePlan.builder(suite).current(file).columns(schema).build();
        CheckResult local = plan.run().checks().get(0);
        for (String id : new String[] {"recall", "accuracy", "log_loss", "roc_auc", "average_precision"}) {
            Measurement s = three.measurement(id);
            Measurement l = local.measurement(id);
            assertThat(s.value()).as(id).isCloseTo(l.value(), within(1e-12));
            Interval si = s.interval();
            Interval li = l.interval();
            double width = li.upper() - li.lower();
            assertThat(width).as(id).isPositive();
            assertThat(si.lower()).as(id + " lower").isCloseTo(li.lower(), within(0.15 * width));
            assertThat(si.upper()).as(id + " upper").isCloseTo(li.upper(), within(0.15 * width));
        }
    }
}
