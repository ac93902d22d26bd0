package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same suite file run locally and on Spark (local[2]) over Adult with a logistic model's scores,
 * four copies of it as current data (130,244 rows) against the first half as reference: every
 * measurement of the kinds that run on Spark is equal (1e-12 where sums are taken in another order), but
 * the drift statistics of numeric columns, which come from KLL sketches on Spark.
 */
class SparkEqualityTest {
    /** Numeric columns whose drift statistics come from KLL sketches on Spark, within the bounds SparkDriftTest asserts. */
    static final java.util.Set<String> SKETCHED = java.util.Set.of("age", "hours-per-week", "capital-gain");

    @TempDir
    static Path dir;
    static SuiteResult local;
    static SuiteResult spark;

    @BeforeAll
    static void run() throws IOException {
        AdultData.write(dir.resolve("current.csv"), 0, 32561, 4);
        AdultData.write(dir.resolve("reference.csv"), 0, 16000, 1);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Adult on Spark
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
                  - name: Model performance
                    fail: roc_auc >= 0.7
                  - name: Recall of women
                    metric: recall
                    where: {sex: Female}
                    fail: recall >= 0.1
                  - name: Fairness
                    type: fairness
                    privileged: {sex: Male, race: White}
                    intersections: true
                  - name: Drift
                    type: drift
                    columns: [age, education, hours-per-week, sex, race, capital-gain, workclass]
                  - name: Missing values
                    type: missing_values
                  - name: Duplicates
                    type: duplicate_rows
                """);
        SuitePlan plan = SuitePlan.fromFile(suite);
        local = plan.run();
        SparkSessions.local();
        spark = new SparkSuiteEngine().run(plan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
    }

    @Test
    void everyMeasurementOfTheSupportedKindsEqualsTheLocalOne() {
        assertThat(spark.checks()).hasSameSizeAs(local.checks());
        int compared = 0;
        for (int i = 0; i < local.checks().size(); i++) {
            CheckResult l = local.checks().get(i);
            CheckResult s = spark.checks().get(i);
            if (l.kind().equals("duplicate_rows")) {
                continue;
            }
            assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(l.status());
            assertThat(s.measurements()).as(s.name()).hasSameSizeAs(l.measurements());
            for (int m = 0; m < l.measurements().size(); m++) {
                Measurement lm = l.measurements().get(m);
                Measurement sm = s.findMeasurement(lm.id()).orElseThrow(() -> new AssertionError(s.name() + " lacks " + lm.id()));
                if (l.kind().equals("drift") && lm.key() != null && SKETCHED.contains(lm.key()) && !lm.name().equals("drift")) {
                    continue;
                }
                assertThat(sm.n()).as(s.name() + " " + lm.id() + " n").isEqualTo(lm.n());
                if (Double.isNaN(lm.value())) {
                    assertThat(sm.value()).as(lm.id()).isNaN();
                } else {
                    assertThat(sm.value()).as(s.name() + " " + lm.id()).isCloseTo(lm.value(), within(1e-12 * Math.max(1, Math.abs(lm.value()))));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void confusionCountsAreExactAndTheSliceHoldsOnlyWomen() {
        CheckResult s = spark.checks().get(0);
        CheckResult l = local.checks().get(0);
        for (String id : new String[] {"true_positives", "false_positives", "true_negatives", "false_negatives", "accuracy"}) {
            assertThat(s.measurement(id).value()).as(id).isEqualTo(l.measurement(id).value());
        }
        assertThat(s.measurement("true_positives").n()).isEqualTo(4 * 32561L);
        assertThat(spark.checks().get(1).measurement("recall").n()).isLessThan(4 * 32561L / 2);
    }

    @Test
    void aKindThatCannotRunOnSparkIsSkippedWithTheReason() {
        CheckResult dup = spark.checks().get(5);
        assertThat(dup.status()).isEqualTo(Status.SKIPPED);
        assertThat(dup.message()).contains("duplicate_rows", "does not run on Spark", "metric");
        assertThat(dup.measurements()).isEmpty();
    }

    @Test
    void theCommandLineFindsTheEngineAsAService() {
        assertThat(java.util.ServiceLoader.load(dev.assay.io.suite.SuiteEngine.class).stream()
                .map(p -> p.get().id())).containsExactly("spark");
    }

    @Test
    void noRowsIsTheSameErrorAsLocallyAndNoNumber() {
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> empty = SparkSessions.local().read().option("header", "true")
                .option("inferSchema", "true").csv(dir.resolve("reference.csv").toString()).limit(0);
        dev.assay.core.data.Schema schema = dev.assay.core.data.Schema.builder().label("income-per-year").score("score")
                .prediction("prediction").build();
        CheckResult r = SparkAssay.run(dev.assay.core.suite.Suite.of("empty", dev.assay.core.checks.MetricCheck.builder()
                .metric("recall").fail("recall >= 0.5").build()), schema, empty).checks().get(0);
        assertThat(r.status()).isIn(Status.ERROR, Status.FAIL);
        assertThat(r.measurements()).allMatch(m -> !m.defined());
    }

    @Test
    void theRunRecordsSparkAndTheRowCounts() {
        assertThat(spark.provenance().environment().get("engine")).startsWith("spark 4.2.0, master local[2]");
        assertThat(spark.provenance().datasets().get(0).rows()).isEqualTo(4 * 32561L);
        assertThat(spark.provenance().checks()).containsOnlyKeys(local.provenance().checks().keySet());
        assertThat(spark.checks().get(0).notes()).anyMatch(n -> n.startsWith("Run on Spark"));
    }
}
