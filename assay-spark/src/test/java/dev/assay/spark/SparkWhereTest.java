package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.check.CheckContext;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.NumericRange;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.core.suite.Suite;
import dev.assay.io.suite.SuitePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Checks with a {@code where} run locally and on Spark (local[2]) over Adult twice over (65,122 rows,
 * the unknown values {@code ?} written empty so they are missing) against its first 16,000 rows: on
 * every route without rows (metric statistics, profiles, folded fairness and calibration) the rows are
 * selected on the executors by core's filter, and every measurement, interval, table, note and message
 * equals the local one (counts exactly, the rest to 1e-12), with the engine allowed to bring no more
 * than 50 combinations to the driver; a filter that matches nothing, or cannot apply, gives the
 * local error.
 */
class SparkWhereTest {
    /** The most combinations the Spark run may bring to the driver: far fewer than the slices' distinct scores. */
    private static final int LIMIT = 50;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
    @TempDir
    static Path dir;
    static SuitePlan plan;
    static SuiteResult local;
    static SuiteResult spark;

    @BeforeAll
    static void run() throws IOException {
        blankUnknowns(AdultData.write(dir.resolve("current.csv"), 0, 32561, 2));
        blankUnknowns(AdultData.write(dir.resolve("reference.csv"), 0, 16000, 1));
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
                  protected: [sex, race]
                evaluation:
                  task: binary
                  positive: '>50K'
                checks:
                  - name: Women
                    metrics: [accuracy, precision, recall, f1, roc_auc, average_precision, log_loss, brier_score]
                    where: {sex: Female}
                    fail: roc_auc >= 0.9
                  - name: Fifty and over
                    metrics: [accuracy, recall, precision]
                    where: {age: '>= 50'}
                    ci: {method: wilson}
                    fail: recall >= 0.1
                  - name: Unknown workclass, aged 30, 31 or 40 (as text)
                    metrics: [accuracy, roc_auc]
                    where: {workclass: is missing, age: ['30', '31', '40']}
                  - name: Drift among women
                    type: drift
                    columns: [education, race, workclass, marital-status, occupation]
                    where: {sex: Female}
                  - name: Missing values of the young
                    type: missing_values
                    where: {age: '< 30'}
                  - name: New categories from 40 hours
                    type: new_categories
                    columns: [education, occupation, native-country]
                    where: {hours-per-week: '[40, 99]'}
                  - name: Fairness from 30
                    type: fairness
                    privileged: {sex: Male, race: White}
                    intersections: true
                    where: {age: '>= 30'}
                    ci: {level: 0.9, resamples: 200}
                  - name: Calibration of men
                    type: calibration
                    bins: 10
                    where: {sex: Male}
                    fail: ece <= reference + 0.05
                  - name: Calibration of a slice the reference lacks
                    type: calibration
                    where: {native-country: Holand-Netherlands}
                  - name: Drift of a slice the reference lacks
                    type: drift
                    columns: [education, race]
                    where: {native-country: Holand-Netherlands}
                  - name: Class balance of women
                    type: class_imbalance
                    where: {sex: Female}
                  - name: Single values of the over-sixties
                    type: single_value
                    columns: [workclass, race, capital-loss, score]
                    where: {age: '>= 60'}
                """);
        plan = SuitePlan.fromFile(suite);
        local = plan.run();
        SparkSessions.local();
        spark = new SparkSuiteEngine().run(plan, Map.of("master", "local[2]", "maxCombinations", Integer.toString(LIMIT)),
                dev.assay.core.progress.Progress.NONE);
    }

    private static void blankUnknowns(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace(",?,", ",,"), StandardCharsets.UTF_8);
    }

    @Test
    void everySliceEqualsTheLocalOne() {
        assertThat(spark.checks()).hasSameSizeAs(local.checks());
        int compared = 0;
        for (int i = 0; i < local.checks().size(); i++) {
            compared += assertEqual(local.checks().get(i), spark.checks().get(i));
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void theSlicesRunWithoutRowsOnTheDriver() {
        for (CheckResult s : spark.checks()) {
            if (!s.name().equals("Drift of a slice the reference lacks")) {
                assertThat(s.notes()).as(s.name()).anyMatch(n -> n.startsWith("Run on Spark") && n.contains("selected per partition")
                        && !n.contains("condensed"));
            }
        }
        assertThat(spark.checks().get(0).notes()).contains("Run on the rows where sex = Female (" + 2 * 10771 + " rows).");
        assertThat(spark.checks().get(9).message()).startsWith("The reference data has no rows where native-country =");
    }

    @Test
    void aFilterThatMatchesNothingOrCannotApplyIsTheLocalError() {
        Path file = dir.resolve("current.csv");
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        dev.assay.io.LoadedData loaded = new dev.assay.io.DataReader().read(file, "current");
        CheckContext localContext = new CheckContext(new dev.assay.core.data.Dataset(loaded.frame(), schema, loaded.info()), null);
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true").csv(file.toString());
        EvaluationSettings binary = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass(">50K");
        List<MetricCheck> checks = List.of(
                MetricCheck.builder().name("Nobody").evaluation(binary).metric("accuracy").where("sex", "Other").build(),
                MetricCheck.builder().name("A range on text").evaluation(binary).metric("accuracy")
                        .where("race", NumericRange.below(3)).build(),
                MetricCheck.builder().name("An unknown column").evaluation(binary).metric("accuracy").where("sexx", "Female").build());
        for (MetricCheck check : checks) {
            assertThat(SparkEvaluator.handles(check, schema)).isTrue();
            CheckResult l = check.run(localContext);
            CheckResult s = SparkAssay.run(Suite.of("errors", check), schema, rows, file.toString(), null, null, Map.of(),
                    SparkAssay.Options.DEFAULT, dev.assay.core.progress.Progress.NONE).checks().get(0);
            assertThat(l.status()).as(l.message()).isEqualTo(Status.ERROR);
            assertThat(s.status()).isEqualTo(Status.ERROR);
            assertThat(s.message()).isEqualTo(l.message());
            assertThat(s.measurements()).isEmpty();
        }
        assertThat(localContext.current().frame().rowCount()).isEqualTo(2 * 32561);
    }

    @Test
    void theSlicesHoldMoreDistinctScoresThanTheEngineMayBringToTheDriver() {
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("current.csv").toString());
        assertThat(rows.where("sex = 'Female'").select("score").distinct().count()).isGreaterThan(10 * LIMIT);
        assertThat(rows.where("age >= 50").select("score").distinct().count()).isGreaterThan(10 * LIMIT);
        assertThat(rows.where("sex = 'Male'").select("score").distinct().count()).isGreaterThan(10 * LIMIT);
        assertThat(spark.checks()).noneMatch(c -> c.status() == Status.SKIPPED);
    }

    /** Asserts {@code s} equals {@code l} but for the note on how Spark ran it; returns the measurements compared. */
    private static int assertEqual(CheckResult l, CheckResult s) {
        String what = s.name();
        assertThat(s.status()).as(what + ": " + s.message()).isEqualTo(l.status());
        assertThat(s.message()).as(what).isEqualTo(l.message());
        assertThat(s.measurements()).as(what).hasSameSizeAs(l.measurements());
        int compared = 0;
        for (int m = 0; m < l.measurements().size(); m++) {
            Measurement lm = l.measurements().get(m);
            Measurement sm = s.measurements().get(m);
            String id = what + " " + lm.id();
            assertThat(sm.id()).as(id).isEqualTo(lm.id());
            assertThat(sm.n()).as(id + " n").isEqualTo(lm.n());
            assertThat(sm.note()).as(id).isEqualTo(lm.note());
            assertThat(sm.defined()).as(id).isEqualTo(lm.defined());
            if (lm.defined()) {
                assertThat(sm.value()).as(id).isCloseTo(lm.value(), within(1e-12 * Math.max(1, Math.abs(lm.value()))));
            }
            if (lm.reference() != null) {
                assertThat(sm.reference()).as(id + " reference").isCloseTo(lm.reference(), within(1e-12));
            } else {
                assertThat(sm.reference()).as(id + " reference").isNull();
            }
            if (lm.interval() != null) {
                assertThat(sm.interval().lower()).as(id + " lower").isCloseTo(lm.interval().lower(), within(1e-12));
                assertThat(sm.interval().upper()).as(id + " upper").isCloseTo(lm.interval().upper(), within(1e-12));
            }
            compared++;
        }
        assertThat(s.conditions()).as(what).hasSameSizeAs(l.conditions());
        for (int c = 0; c < l.conditions().size(); c++) {
            ConditionOutcome lc = l.conditions().get(c);
            ConditionOutcome sc = s.conditions().get(c);
            assertThat(sc.passed()).as(what + " " + lc.condition()).isEqualTo(lc.passed());
            assertThat(sc.message()).as(what + " " + lc.condition()).isEqualTo(lc.message());
            assertThat(sc.measured()).as(what + " " + lc.condition()).isCloseTo(lc.measured(), within(1e-12));
            assertThat(sc.threshold()).as(what + " " + lc.condition()).isCloseTo(lc.threshold(), within(1e-12));
        }
        assertThat(s.tables()).as(what).hasSameSizeAs(l.tables());
        for (int t = 0; t < l.tables().size(); t++) {
            List<List<Object>> lr = l.tables().get(t).rows();
            List<List<Object>> sr = s.tables().get(t).rows();
            assertThat(s.tables().get(t).columns()).as(what).isEqualTo(l.tables().get(t).columns());
            assertThat(sr).as(what).hasSameSizeAs(lr);
            for (int r = 0; r < lr.size(); r++) {
                for (int c = 0; c < lr.get(r).size(); c++) {
                    assertCell(what + " table " + t + " row " + r, String.valueOf(lr.get(r).get(c)), String.valueOf(sr.get(r).get(c)));
                }
            }
        }
        assertThat(s.notes()).as(what).containsAll(l.notes());
        return compared;
    }

    /**
     * A table cell: numbers to 1e-12, text equal but for what names the profiles route (drift methods
     * "from profile", missing rows "counted from a profile" instead of row numbers).
     */
    private static void assertCell(String what, String local, String spark) {
        if (spark.equals("(counted from a profile)")) {
            assertThat(local).as(what).startsWith("row ");
            return;
        }
        String s = spark.replace(" from profile", "");
        if (NUMBER.matcher(local).matches() && NUMBER.matcher(s).matches()) {
            double l = Double.parseDouble(local);
            assertThat(Double.parseDouble(s)).as(what).isCloseTo(l, within(1e-12 * Math.max(1, Math.abs(l))));
        } else {
            assertThat(s).as(what).isEqualTo(local);
        }
    }
}
