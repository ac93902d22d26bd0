package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
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
 * Bootstrap intervals ({@code ci: {method: percentile}}, 1,000 resamples) of the {@code slices} check folded per
 * slice on Spark (Poisson weights, stratified by class within each slice: {@link CurveReplicates}) over Adult
 * (32,561 rows): every value equal to the local run (1e-12), every interval the same for two partitionings and
 * under {@code maxCombinations} 100 (more than the 73 ages, far fewer than the distinct scores), and each end within 15% of the local
 * interval's width (about five standard deviations of the Monte Carlo difference, as {@link SparkIntervalsTest});
 * ranking metrics have no interval on Spark.
 */
class SparkSliceIntervalsTest {
    @TempDir
    static Path dir;
    static CheckResult local;
    static CheckResult three;
    static CheckResult seven;
    static CheckResult limited;

    @BeforeAll
    static void run() throws IOException {
        Path file = AdultData.write(dir.resolve("current.csv"), 0, 32561, 1);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Slice intervals on Spark
                data:
                  current: current.csv
                columns:
                  label: income-per-year
                  prediction: prediction
                  score: score
                evaluation:
                  task: binary
                  positive: '>50K'
                checks:
                  - name: Slices with bootstrap intervals
                    type: slices
                    columns: [age, sex]
                    pairs: [sex & race]
                    bins: 4
                    min_size: 200
                    metrics: [accuracy, recall, log_loss, roc_auc]
                    ci: {method: percentile}
                    seed: 3
                """);
        SuitePlan plan = SuitePlan.fromFile(suite);
        local = plan.run().checks().get(0);
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(file.toString()).cache();
        assertThat(rows.select("score").distinct().count()).isGreaterThan(100);
        three = SparkAssay.run(plan.suite(), schema, rows.repartition(3)).checks().get(0);
        seven = SparkAssay.run(plan.suite(), schema, rows.repartition(7)).checks().get(0);
        limited = SparkAssay.run(plan.suite(), schema, rows, null, null, null, Map.of(), new SparkAssay.Options(100),
                dev.assay.core.progress.Progress.NONE).checks().get(0);
    }

    @Test
    void intervalsAgreeWithTheLocalOnesAndDoNotDependOnThePartitioning() {
        assertThat(three.status()).as(three.message()).isEqualTo(local.status());
        assertThat(three.measurements()).hasSameSizeAs(local.measurements());
        int compared = 0;
        for (int m = 0; m < local.measurements().size(); m++) {
            Measurement lm = local.measurements().get(m);
            Measurement sm = three.measurements().get(m);
            String what = lm.id();
            assertThat(sm.id()).as(what).isEqualTo(lm.id());
            assertThat(sm.n()).as(what).isEqualTo(lm.n());
            assertThat(sm.note()).as(what).isEqualTo(lm.note());
            if (lm.defined()) {
                assertThat(sm.value()).as(what).isCloseTo(lm.value(), within(1e-12));
            }
            if (lm.id().startsWith("roc_auc")) {
                assertThat(sm.interval()).as(what).isNull();
                continue;
            }
            assertThat(sm.interval() == null).as(what).isEqualTo(lm.interval() == null);
            if (lm.interval() == null) {
                continue;
            }
            Interval li = lm.interval();
            Interval si = sm.interval();
            for (Measurement other : List.of(seven.measurements().get(m), limited.measurements().get(m))) {
                assertThat(si.lower()).as(what + " partitioning").isCloseTo(other.interval().lower(), within(1e-12));
                assertThat(si.upper()).as(what + " partitioning").isCloseTo(other.interval().upper(), within(1e-12));
            }
            double width = li.upper() - li.lower();
            assertThat(width).as(what).isPositive();
            assertThat(si.lower()).as(what + " lower").isCloseTo(li.lower(), within(0.15 * width));
            assertThat(si.upper()).as(what + " upper").isCloseTo(li.upper(), within(0.15 * width));
            compared++;
        }
        assertThat(compared).isGreaterThan(30);
    }

    @Test
    void theCheckIsFoldedUnderTheCombinationLimit() {
        assertThat(three.notes()).contains(FoldedChecks.NOTE);
        assertThat(limited.notes()).contains(FoldedChecks.NOTE);
        assertThat(limited.status()).as(limited.message()).isEqualTo(local.status());
    }
}
