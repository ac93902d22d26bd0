package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.suite.Suite;
import dev.assay.io.suite.SuitePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bootstrap intervals of the fairness check's {@code metrics:} (default {@code ci}: 1,000 resamples) folded per
 * group on Spark (Poisson weights, {@link SparkGroupResamples}) over Adult (32,561 rows): every value
 * equal to the local run (1e-12), every interval the same for two partitionings and each end within 15% of the
 * local interval's width (about five standard deviations of the Monte Carlo difference, as in
 * {@link SparkIntervalsTest}); ranking metrics get the reason instead of an interval.
 */
class SparkGroupIntervalsTest {
    @TempDir
    static Path dir;
    static SuitePlan plan;
    static List<CheckResult> local;
    static List<CheckResult> three;
    static List<CheckResult> seven;
    static Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score")
            .protectedAttributes(List.of("sex", "race")).build();

    @BeforeAll
    static void run() throws IOException {
        Path file = AdultData.write(dir.resolve("current.csv"), 0, 32561, 1);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Group metric intervals on Spark
                data:
                  current: current.csv
                columns:
                  label: income-per-year
                  prediction: prediction
                  score: score
                  protected: [sex, race]
                evaluation:
                  task: binary
                  positive: '>50K'
                checks:
                  - name: Metrics to overall
                    type: fairness
                    groups: [race]
                    metrics: [accuracy, recall, log_loss, roc_auc]
                    aggregation: to_overall
                    seed: 5
                  - name: Metrics between groups
                    type: fairness
                    groups: [sex, age]
                    edges: {age: [17, 30, 45, 65, 90]}
                    metrics: [precision, brier_score, average_precision]
                    aggregation: between_groups
                    min_group_size: 100
                """);
        plan = SuitePlan.fromFile(suite);
        local = plan.run().checks();
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(file.toString()).cache();
        three = SparkAssay.run(plan.suite(), schema, rows.repartition(3)).checks();
        seven = SparkAssay.run(plan.suite(), schema, rows.repartition(7)).checks();
    }

    @Test
    void intervalsAgreeWithTheLocalOnesAndDoNotDependOnThePartitioning() {
        int compared = 0;
        for (int c = 0; c < local.size(); c++) {
            CheckResult l = local.get(c);
            CheckResult s = three.get(c);
            CheckResult o = seven.get(c);
            assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(l.status());
            assertThat(s.notes()).as(s.name()).contains(FoldedChecks.NOTE);
            assertThat(s.measurements()).hasSameSizeAs(l.measurements());
            for (int m = 0; m < l.measurements().size(); m++) {
                Measurement lm = l.measurements().get(m);
                Measurement sm = s.measurements().get(m);
                Measurement om = o.measurements().get(m);
                String what = s.name() + " " + lm.id();
                assertThat(sm.id()).as(what).isEqualTo(lm.id());
                assertThat(sm.n()).as(what).isEqualTo(lm.n());
                if (lm.defined()) {
                    assertThat(sm.value()).as(what).isCloseTo(lm.value(), within(1e-12));
                }
                assertThat(sm.note()).as(what).isEqualTo(lm.note());
                if (lm.id().startsWith("roc_auc") || lm.id().startsWith("average_precision")) {
                    assertThat(sm.interval()).as(what).isNull();
                    continue;
                }
                assertThat(sm.interval() == null).as(what).isEqualTo(lm.interval() == null);
                if (lm.interval() == null) {
                    continue;
                }
                Interval li = lm.interval();
                Interval si = sm.interval();
                assertThat(si.lower()).as(what + " partitioning").isCloseTo(om.interval().lower(), within(1e-12));
                assertThat(si.upper()).as(what + " partitioning").isCloseTo(om.interval().upper(), within(1e-12));
                double width = li.upper() - li.lower();
                assertThat(si.lower()).as(what + " lower").isCloseTo(li.lower(), within(Math.max(0.15 * width, 1e-12)));
                assertThat(si.upper()).as(what + " upper").isCloseTo(li.upper(), within(Math.max(0.15 * width, 1e-12)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void rankingMetricsHaveNoIntervalWhileTheOthersDo() {
        assertThat(three.get(0).measurement("roc_auc_difference").defined()).isTrue();
        assertThat(three.get(0).measurement("roc_auc_difference").interval()).isNull();
        assertThat(three.get(1).measurement("average_precision[sex=Female]").interval()).isNull();
        assertThat(three.get(0).measurement("accuracy_difference").interval()).isNotNull();
    }

    @Test
    void scoresBeyondTheCombinationLimitAreNotCondensed() {
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("current.csv").toString());
        assertThat(rows.select("score").distinct().count()).isGreaterThan(50);
        Suite suite = Suite.of("limited", plan.suite().checks().get(0));
        CheckResult r = SparkAssay.run(suite, schema, rows, null, null, null, Map.of(), new SparkAssay.Options(50),
                dev.assay.core.progress.Progress.NONE).checks().get(0);
        assertThat(r.notes()).contains(FoldedChecks.NOTE);
        for (String id : List.of("recall[race=Black]", "accuracy_difference", "log_loss_ratio")) {
            assertThat(r.measurement(id).interval()).as(id).isNotNull();
            assertThat(r.measurement(id).interval().lower()).as(id)
                    .isCloseTo(three.get(0).measurement(id).interval().lower(), within(1e-12));
        }
    }
}
