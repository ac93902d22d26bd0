package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.core.suite.Suite;
import dev.assay.io.suite.SuitePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fairness and calibration checks folded per partition on Spark (local[2], Adult twice over,
 * 65,122 rows, against its first half): group counts and bin counts equal the local ones exactly,
 * every rate, disparity, ECE and Brier term to 1e-12, with bootstrap intervals (drawn from the
 * counts, so the same draws), quantile calibration bins with the local edges bit for bit (the scores
 * sorted where they are), and a score column with more distinct values than the engine brings to the
 * driver does not stop them.
 */
class SparkFoldedChecksTest {
    @TempDir
    static Path dir;
    static SuitePlan plan;
    static SuiteResult local;
    static SuiteResult spark;

    @BeforeAll
    static void run() throws IOException {
        AdultData.write(dir.resolve("current.csv"), 0, 32561, 2);
        AdultData.write(dir.resolve("reference.csv"), 0, 16000, 1);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Fairness on Spark
                data:
                  current: current.csv
                  reference: reference.csv
                columns:
                  label: income-per-year
                  prediction: prediction
                  score: score
                  protected: [sex, race]
                evaluation:
                  task: binary
                  positive: '>50K'
                checks:
                  - name: Fairness
                    type: fairness
                    privileged: {sex: Male, race: White}
                    intersections: true
                    ci: {level: 0.9, resamples: 200}
                  - name: Fairness by age
                    type: fairness
                    groups: [age, sex]
                    edges: {age: [17, 30, 45, 65, 90]}
                    favorable: '<=50K'
                    min_group_size: 100
                    ci: false
                  - name: Calibration
                    type: calibration
                    bins: 12
                    fail: ece <= reference + 0.05
                  - name: Fairness by age in quantile bins
                    type: fairness
                    groups: [age]
                    ci: false
                  - name: Calibration in quantile bins
                    type: calibration
                    strategy: quantile
                """);
        plan = SuitePlan.fromFile(suite);
        local = plan.run();
        SparkSessions.local();
        spark = new SparkSuiteEngine().run(plan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
    }

    @Test
    void everyGroupRateAndDisparityEqualsTheLocalOne() {
        int compared = 0;
        for (int i = 0; i < local.checks().size(); i++) {
            CheckResult l = local.checks().get(i);
            CheckResult s = spark.checks().get(i);
            assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(l.status());
            if (s.name().equals("Fairness by age in quantile bins")) {
                assertThat(s.notes()).doesNotContain(FoldedChecks.NOTE);
            } else {
                assertThat(s.notes()).contains(FoldedChecks.NOTE);
            }
            assertThat(s.measurements()).hasSameSizeAs(l.measurements());
            for (int m = 0; m < l.measurements().size(); m++) {
                Measurement lm = l.measurements().get(m);
                Measurement sm = s.measurements().get(m);
                String what = s.name() + " " + lm.id();
                assertThat(sm.id()).as(what).isEqualTo(lm.id());
                assertThat(sm.n()).as(what + " n").isEqualTo(lm.n());
                assertThat(sm.note()).as(what).isEqualTo(lm.note());
                if (lm.defined()) {
                    assertThat(sm.value()).as(what).isCloseTo(lm.value(), within(1e-12));
                }
                if (lm.reference() != null) {
                    assertThat(sm.reference()).as(what + " reference").isCloseTo(lm.reference(), within(1e-12));
                }
                if (lm.interval() != null) {
                    assertThat(sm.interval().lower()).as(what + " lower").isCloseTo(lm.interval().lower(), within(1e-12));
                    assertThat(sm.interval().upper()).as(what + " upper").isCloseTo(lm.interval().upper(), within(1e-12));
                }
                compared++;
            }
            if (s.kind().equals("fairness")) {
                assertThat(s.tables()).as(s.name()).isEqualTo(l.tables());
                assertThat(s.message()).isEqualTo(l.message());
            }
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void groupCountsAreExact() {
        CheckResult s = spark.checks().get(0);
        Measurement women = s.measurement("selection_rate[sex=Female]");
        long womenRows;
        try (java.util.stream.Stream<String> lines = Files.lines(AdultData.ADULT)) {
            womenRows = 2 * lines.skip(1).filter(line -> line.split(",", -1)[9].equals("Female")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(women.n()).isEqualTo(womenRows);
        assertThat(s.measurements()).anyMatch(m -> m.interval() != null && m.name().equals("demographic_parity_ratio"));
    }

    @Test
    void binCountsAreExact() {
        for (int check : new int[] {2, 4}) {
            binCountsAreExact(spark.checks().get(check), local.checks().get(check));
        }
    }

    @Test
    void quantileEdgesAreTheLocalOnesBitForBit() {
        CheckResult s = spark.checks().get(4);
        CheckResult l = local.checks().get(4);
        assertThat(s.measurement("ece").reference()).isNotNull();
        for (int i = 0; i < l.tables().get(0).rows().size(); i++) {
            assertThat(s.tables().get(0).rows().get(i).subList(0, 3)).as("edges and rows of bin " + i)
                    .isEqualTo(l.tables().get(0).rows().get(i).subList(0, 3));
        }
    }

    private static void binCountsAreExact(CheckResult s, CheckResult l) {
        assertThat(s.measurement("ece").n()).isEqualTo(2 * 32561L);
        assertThat(s.measurement("ece").reference()).isCloseTo(l.measurement("ece").reference(), within(1e-12));
        assertThat(s.tables().get(0).rows()).hasSameSizeAs(l.tables().get(0).rows());
        for (int i = 0; i < l.tables().get(0).rows().size(); i++) {
            assertThat(s.tables().get(0).rows().get(i).get(2)).as("rows of bin " + i).isEqualTo(l.tables().get(0).rows().get(i).get(2));
        }
    }

    @Test
    void aContinuousScoreBeyondTheCombinationLimitStillRuns() {
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("current.csv").toString());
        assertThat(rows.select("score").distinct().count()).isGreaterThan(50);
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score")
                .protectedAttributes(java.util.List.of("sex", "race")).build();
        Suite suite = Suite.of("limited", plan.suite().checks().get(0), plan.suite().checks().get(2), plan.suite().checks().get(4));
        SuiteResult limited = SparkAssay.run(suite, schema, rows, null, null, null, Map.of(), new SparkAssay.Options(50),
                dev.assay.core.progress.Progress.NONE);
        CheckResult r = limited.checks().get(0);
        assertThat(r.status()).as(r.message()).isNotEqualTo(Status.SKIPPED).isNotEqualTo(Status.ERROR);
        CheckResult l = local.checks().get(0);
        assertThat(r.measurement("demographic_parity_ratio[sex]").value())
                .isCloseTo(l.measurement("demographic_parity_ratio[sex]").value(), within(1e-12));
        CheckResult c = limited.checks().get(1);
        assertThat(c.status()).as(c.message()).isNotEqualTo(Status.SKIPPED).isNotEqualTo(Status.ERROR);
        assertThat(c.measurement("ece").value()).isCloseTo(local.checks().get(2).measurement("ece").value(), within(1e-12));
        CheckResult q = limited.checks().get(2);
        assertThat(q.status()).as(q.message()).isNotEqualTo(Status.SKIPPED).isNotEqualTo(Status.ERROR);
        assertThat(q.notes()).contains(FoldedChecks.NOTE);
        assertThat(q.measurement("ece").value()).isCloseTo(local.checks().get(4).measurement("ece").value(), within(1e-12));
    }
}
