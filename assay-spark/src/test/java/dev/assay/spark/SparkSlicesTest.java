package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.SuiteResult;
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
 * The {@code slices} check folded per slice on Spark (local[2], Adult twice over, 65,122 rows, against its
 * first 12,000 rows as reference: each slice's reference value from the same terms): age in
 * quantile bins (edges from the values counted with their multiplicity), education by value (a slice
 * too small, one without a positive row), sex and race by value and in pairs; every measurement and table
 * equal to the local run (sizes and positives exactly, metrics and Wilson intervals to 1e-12). With a
 * bootstrap {@code ci:} the check is folded too (its intervals: {@link SparkSliceIntervalsTest}); with fewer
 * combinations allowed than distinct scores, the folded check still runs.
 */
class SparkSlicesTest {
    @TempDir
    static Path dir;
    static SuitePlan plan;
    static SuiteResult local;
    static SuiteResult spark;

    @BeforeAll
    static void run() throws IOException {
        AdultData.write(dir.resolve("current.csv"), 0, 32561, 2);
        AdultData.write(dir.resolve("reference.csv"), 0, 12000, 1);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Slices on Spark
                data:
                  current: current.csv
                  reference: reference.csv
                columns:
                  label: income-per-year
                  prediction: prediction
                  score: score
                evaluation:
                  task: binary
                  positive: '>50K'
                checks:
                  - name: Slices
                    type: slices
                    columns: [age, education, hours-per-week]
                    pairs: [sex & race, sex & age]
                    bins: 5
                    min_size: 200
                    metrics: [recall, precision, roc_auc, average_precision, accuracy]
                    fail: min(recall[*]) >= 0.01
                    warn: recall[*] >= reference - 0.2
                  - name: Slices with bootstrap intervals
                    type: slices
                    columns: [sex]
                    metrics: [recall]
                    ci: {method: percentile, resamples: 100}
                """);
        plan = SuitePlan.fromFile(suite);
        local = plan.run();
        SparkSessions.local();
        spark = new SparkSuiteEngine().run(plan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
    }

    @Test
    void everySliceEqualsTheLocalOne() {
        CheckResult l = local.checks().get(0);
        CheckResult s = spark.checks().get(0);
        assertThat(s.status()).as(s.message()).isEqualTo(l.status());
        assertThat(s.notes()).contains(FoldedChecks.NOTE);
        assertThat(s.message()).isEqualTo(l.message());
        assertThat(s.measurements()).hasSameSizeAs(l.measurements());
        for (int m = 0; m < l.measurements().size(); m++) {
            Measurement lm = l.measurements().get(m);
            Measurement sm = s.measurements().get(m);
            String what = lm.id();
            assertThat(sm.id()).as(what).isEqualTo(lm.id());
            assertThat(sm.n()).as(what + " n").isEqualTo(lm.n());
            assertThat(sm.note()).as(what).isEqualTo(lm.note());
            assertThat(sm.defined()).as(what).isEqualTo(lm.defined());
            if (lm.defined()) {
                assertThat(sm.value()).as(what).isCloseTo(lm.value(), within(1e-12));
            }
            assertThat(sm.reference() == null).as(what + " reference").isEqualTo(lm.reference() == null);
            if (lm.reference() != null && !lm.reference().isNaN()) {
                assertThat(sm.reference()).as(what + " reference").isCloseTo(lm.reference(), within(1e-12));
            }
            assertThat(sm.interval() == null).as(what).isEqualTo(lm.interval() == null);
            if (lm.interval() != null) {
                assertThat(sm.interval().lower()).as(what).isCloseTo(lm.interval().lower(), within(1e-12));
                assertThat(sm.interval().upper()).as(what).isCloseTo(lm.interval().upper(), within(1e-12));
            }
        }
        assertThat(l.measurements().size()).isGreaterThan(100);
        assertThat(l.measurements().stream().filter(m -> m.reference() != null && !m.reference().isNaN()).count())
                .as("slices with a reference value").isGreaterThan(50);
        assertThat(s.conditions()).hasSameSizeAs(l.conditions());
        for (int c = 0; c < l.conditions().size(); c++) {
            assertThat(s.conditions().get(c).toString()).isEqualTo(l.conditions().get(c).toString());
        }
        assertThat(s.tables()).hasSameSizeAs(l.tables());
        for (int t = 0; t < l.tables().size(); t++) {
            assertTableEquals(s.tables().get(t), l.tables().get(t));
        }
        assertThat(s.tables()).hasSizeGreaterThan(1);
        for (String note : l.notes()) {
            assertThat(s.notes()).contains(note);
        }
    }

    private static void assertTableEquals(EvidenceTable s, EvidenceTable l) {
        assertThat(s.title()).isEqualTo(l.title());
        assertThat(s.columns()).isEqualTo(l.columns());
        assertThat(s.rows()).as(l.title()).hasSameSizeAs(l.rows());
        for (int r = 0; r < l.rows().size(); r++) {
            for (int c = 0; c < l.rows().get(r).size(); c++) {
                Object lv = l.rows().get(r).get(c);
                Object sv = s.rows().get(r).get(c);
                String what = l.title() + " row " + r + " " + l.columns().get(c);
                if (lv instanceof Double d && sv instanceof Double e) {
                    assertThat(e).as(what).isCloseTo(d, within(1e-12));
                } else {
                    assertThat(sv).as(what).isEqualTo(lv);
                }
            }
        }
    }

    @Test
    void wilsonAndBootstrapIntervalsAreFolded() {
        CheckResult l = local.checks().get(0);
        CheckResult s = spark.checks().get(0);
        Measurement lm = l.measurement("recall[education=Bachelors]");
        Measurement sm = s.measurement("recall[education=Bachelors]");
        assertThat(lm.interval()).isNotNull();
        assertThat(sm.interval().lower()).isCloseTo(lm.interval().lower(), within(1e-12));
        assertThat(sm.interval().upper()).isCloseTo(lm.interval().upper(), within(1e-12));
        assertThat(spark.checks().get(1).notes()).contains(FoldedChecks.NOTE);
        assertThat(spark.checks().get(1).measurement("recall[sex=Female]").value())
                .isCloseTo(local.checks().get(1).measurement("recall[sex=Female]").value(), within(1e-12));
        assertThat(spark.checks().get(1).measurement("recall[sex=Female]").interval()).isNotNull();
    }

    @Test
    void scoresBeyondTheCombinationLimitAreNotCondensed() {
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("current.csv").toString());
        assertThat(rows.select("score").distinct().count()).isGreaterThan(200);
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        SuiteResult limited = SparkAssay.run(Suite.of("limited", plan.suite().checks().get(0)), schema, rows, null, null, null,
                Map.of(), new SparkAssay.Options(200), dev.assay.core.progress.Progress.NONE);
        CheckResult r = limited.checks().get(0);
        assertThat(r.status()).as(r.message()).isEqualTo(local.checks().get(0).status());
        assertThat(r.notes()).contains(FoldedChecks.NOTE);
        for (String id : List.of("roc_auc[education=Bachelors]", "recall[age=26..33]", "precision[sex=Male,age=41..50]")) {
            assertThat(r.measurement(id).value()).as(id).isCloseTo(local.checks().get(0).measurement(id).value(), within(1e-12));
        }
    }
}
