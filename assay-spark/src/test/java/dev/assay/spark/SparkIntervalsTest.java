package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
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
 * Bootstrap intervals on Spark resample the condensed rows in their fixed order: the same interval
 * however Spark partitions the data, and one close to the local interval over the rows in file
 * order (the same method and seed, other draws). Adult, 32,561 rows.
 */
class SparkIntervalsTest {
    @TempDir
    Path dir;

    @Test
    void intervalsDoNotDependOnThePartitioningAndAgreeWithTheLocalOnes() {
        Path file = AdultData.write(dir.resolve("adult.csv"), 0, 32561, 1);
        Dataset<Row> data = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(file.toString());
        Suite suite = Suite.of("ci", MetricCheck.builder().metric("recall").ci(new IntervalSettings(IntervalMethod.PERCENTILE, 200, 0.95))
                .evaluation(EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass(">50K")).seed(7).build());
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();

        Measurement three = SparkAssay.run(suite, schema, data.repartition(3)).checks().get(0).measurement("recall");
        Measurement seven = SparkAssay.run(suite, schema, data.repartition(7)).checks().get(0).measurement("recall");
        assertThat(three.interval()).as(three.toString()).isNotNull().isEqualTo(seven.interval());

        dev.assay.io.suite.SuitePlan plan = dev.assay.io.suite.SuitePlan.builder(suite).current(file)
                .columns(schema).build();
        var localResult = plan.run().checks().get(0);
        Measurement local = localResult.measurement("recall");
        assertThat(local.interval()).as(localResult.toString()).isNotNull();
        assertThat(three.value()).isEqualTo(local.value());
        Interval s = three.interval();
        Interval l = local.interval();
        double width = l.upper() - l.lower();
        assertThat(s.lower()).isCloseTo(l.lower(), within(0.1 * width));
        assertThat(s.upper()).isCloseTo(l.upper(), within(0.1 * width));
    }
}
