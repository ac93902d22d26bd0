package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
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
 * The fairness check's {@code metrics:} (binary, Adult twice over, 65,122 rows) and regression fairness
 * (the held-out diabetes regression rows with a model's predictions) folded per group on Spark
 * (local[2]): every measurement and table equal to the local run (counts exactly, the rest 1e-12), and the
 * same check over more distinct scores than the engine brings to the driver still runs.
 */
class SparkGroupMetricsTest {
    @TempDir
    static Path dir;
    static SuitePlan plan;
    static SuiteResult local;
    static SuiteResult spark;

    @BeforeAll
    static void run() throws IOException {
        AdultData.write(dir.resolve("current.csv"), 0, 32561, 2);
        writeDiabetes(dir.resolve("diabetes.csv"));
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Group metrics on Spark
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
                    metrics: [roc_auc, accuracy, recall]
                    intersections: true
                    aggregation: to_overall
                    ci: false
                  - name: Metrics between groups
                    type: fairness
                    groups: [sex, age]
                    edges: {age: [17, 30, 45, 65, 90]}
                    metrics: [roc_auc, average_precision, recall, log_loss]
                    aggregation: between_groups
                    min_group_size: 100
                    ci: false
                    fail: roc_auc_difference <= 0.5
                """);
        Path regression = dir.resolve("regression.yaml");
        Files.writeString(regression, """
                suite: Regression fairness on Spark
                data:
                  current: diabetes.csv
                columns:
                  label: target
                  prediction: predicted
                  protected: [sex, age]
                evaluation:
                  task: regression
                checks:
                  - name: Regression fairness
                    type: fairness
                    edges: {sex: [0, 1.5, 3], age: [0, 40, 55, 100]}
                    intersections: true
                    min_group_size: 20
                    ci: false
                """);
        plan = SuitePlan.fromFile(suite);
        SuitePlan regressionPlan = SuitePlan.fromFile(regression);
        SuiteResult l1 = plan.run();
        SuiteResult l2 = regressionPlan.run();
        SparkSessions.local();
        SparkSuiteEngine engine = new SparkSuiteEngine();
        SuiteResult s1 = engine.run(plan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
        SuiteResult s2 = engine.run(regressionPlan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
        local = new SuiteResult("both", null, concat(l1, l2), l1.provenance(), l1.duration());
        spark = new SuiteResult("both", null, concat(s1, s2), s1.provenance(), s1.duration());
    }

    private static List<CheckResult> concat(SuiteResult a, SuiteResult b) {
        List<CheckResult> out = new java.util.ArrayList<>(a.checks());
        out.addAll(b.checks());
        return out;
    }

    /** The held-out diabetes rows with a regression model's predictions (assay-cli's test data, 142 rows). */
    private static void writeDiabetes(Path file) throws IOException {
        Files.copy(Path.of("..", "assay-cli", "src", "test", "resources", "data", "diabetes_predictions.csv"), file);
    }

    @Test
    void everyGroupMetricAndDisparityEqualsTheLocalOne() {
        int compared = 0;
        for (int i = 0; i < local.checks().size(); i++) {
            CheckResult l = local.checks().get(i);
            CheckResult s = spark.checks().get(i);
            assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(l.status());
            assertThat(s.notes()).as(s.name()).contains(FoldedChecks.NOTE);
            assertThat(s.measurements()).hasSameSizeAs(l.measurements());
            for (int m = 0; m < l.measurements().size(); m++) {
                Measurement lm = l.measurements().get(m);
                Measurement sm = s.measurements().get(m);
                String what = s.name() + " " + lm.id();
                assertThat(sm.id()).as(what).isEqualTo(lm.id());
                assertThat(sm.n()).as(what + " n").isEqualTo(lm.n());
                assertThat(sm.note()).as(what).isEqualTo(lm.note());
                assertThat(sm.defined()).as(what).isEqualTo(lm.defined());
                if (lm.defined()) {
                    assertThat(sm.value()).as(what).isCloseTo(lm.value(), within(1e-12));
                }
                assertThat(sm.interval() == null).as(what).isEqualTo(lm.interval() == null);
                compared++;
            }
            assertThat(s.message()).as(s.name()).isEqualTo(l.message());
            assertTablesEqual(s.name(), s.tables(), l.tables());
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static void assertTablesEqual(String name, List<EvidenceTable> spark, List<EvidenceTable> local) {
        assertThat(spark).hasSameSizeAs(local);
        for (int t = 0; t < local.size(); t++) {
            EvidenceTable l = local.get(t);
            EvidenceTable s = spark.get(t);
            assertThat(s.title()).as(name).isEqualTo(l.title());
            assertThat(s.columns()).as(name).isEqualTo(l.columns());
            assertThat(s.rows()).as(name + " " + l.title()).hasSameSizeAs(l.rows());
            for (int r = 0; r < l.rows().size(); r++) {
                for (int c = 0; c < l.rows().get(r).size(); c++) {
                    Object lv = l.rows().get(r).get(c);
                    Object sv = s.rows().get(r).get(c);
                    String what = name + " " + l.title() + " row " + r + " " + l.columns().get(c);
                    if (lv instanceof Double d && sv instanceof Double e) {
                        assertThat(e).as(what).isCloseTo(d, within(1e-12));
                    } else {
                        assertThat(sv).as(what).isEqualTo(lv);
                    }
                }
            }
        }
    }

    @Test
    void groupSizesAreExactAndRankingMetricsAreComputed() {
        CheckResult s = spark.checks().get(0);
        long women;
        try (java.util.stream.Stream<String> lines = Files.lines(AdultData.ADULT)) {
            women = 2 * lines.skip(1).filter(line -> line.split(",", -1)[9].equals("Female")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(s.measurement("roc_auc[sex=Female]").n()).isEqualTo(women);
        assertThat(s.measurement("roc_auc[sex=Female]").value()).isBetween(0.5, 1.0);
        CheckResult r = spark.checks().get(2);
        assertThat(r.measurement("mean_absolute_error_difference[sex]").defined()).isTrue();
        assertThat(r.measurement("mean_absolute_error[sex=(1.5, 3]]").n() + r.measurement("mean_absolute_error[sex=[0, 1.5]]").n())
                .isEqualTo(142);
    }

    @Test
    void scoresBeyondTheCombinationLimitAreNotCondensed() {
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("current.csv").toString());
        assertThat(rows.select("score").distinct().count()).isGreaterThan(50);
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score")
                .protectedAttributes(List.of("sex", "race")).build();
        Suite suite = Suite.of("limited", plan.suite().checks().get(0));
        SuiteResult limited = SparkAssay.run(suite, schema, rows, null, null, null, Map.of(), new SparkAssay.Options(50),
                dev.assay.core.progress.Progress.NONE);
        CheckResult r = limited.checks().get(0);
        assertThat(r.status()).as(r.message()).isEqualTo(local.checks().get(0).status());
        assertThat(r.notes()).contains(FoldedChecks.NOTE);
        for (String id : List.of("roc_auc[sex=Female]", "roc_auc_difference[sex]", "recall_ratio[sex&race]")) {
            assertThat(r.measurement(id).value()).as(id).isCloseTo(local.checks().get(0).measurement(id).value(), within(1e-12));
        }
    }
}
