package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.result.CheckResult;
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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code class_imbalance} and {@code single_value} on Spark aggregations against the local run of the
 * same suite: Adult (32,561 rows; the label, every column, and the continuous score and
 * {@code fnlwgt} with missing values counted), and a small file of edge cases (a constant column, an
 * all-missing one, {@code -0.0} beside {@code 0.0}, a missing label), and a Spark data set with NaN,
 * null and {@code -0.0} against a local frame of the same values. Every measurement, table and
 * message equals the local one exactly, and a score with more distinct values than the engine brings to
 * the driver is counted all the same.
 */
class SparkCountedChecksTest {
    @TempDir
    static Path dir;
    static SuitePlan adult;
    static SuitePlan edges;
    static SuiteResult adultLocal;

    private static final String CHECKS = """
            checks:
              - name: Class imbalance
                type: class_imbalance
              - name: Single values
                type: single_value
              - name: Single values of continuous columns
                type: single_value
                columns: [score, fnlwgt]
                ignore_missing: false
            """;

    @BeforeAll
    static void write() throws IOException {
        AdultData.write(dir.resolve("adult.csv"), 0, 32561, 1);
        Files.writeString(dir.resolve("adult.yaml"), """
                suite: Counts on Spark
                data:
                  current: adult.csv
                columns:
                  label: income-per-year
                  prediction: prediction
                  score: score
                """ + CHECKS);
        Files.writeString(dir.resolve("edges.csv"), """
                label,constant,empty,zero,text,score,fnlwgt
                a,1,,0.0,x,0.5,3
                b,1,,-0.0,,0.5,
                a,1,,1.5,y,0.5,3
                ,1,,0.0,x,0.5,
                """);
        Files.writeString(dir.resolve("edges.yaml"), """
                suite: Edge cases on Spark
                data:
                  current: edges.csv
                columns:
                  label: label
                """ + CHECKS);
        adult = SuitePlan.fromFile(dir.resolve("adult.yaml"));
        edges = SuitePlan.fromFile(dir.resolve("edges.yaml"));
        adultLocal = adult.run();
        SparkSessions.local();
    }

    private static SuiteResult spark(SuitePlan plan) {
        return new SparkSuiteEngine().run(plan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
    }

    private static void assertSame(SuiteResult spark, SuiteResult local) {
        assertThat(spark.checks()).hasSameSizeAs(local.checks());
        for (int i = 0; i < local.checks().size(); i++) {
            CheckResult l = local.checks().get(i);
            CheckResult s = spark.checks().get(i);
            assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(l.status());
            assertThat(s.message()).as(s.name()).isEqualTo(l.message());
            assertThat(s.notes()).as(s.name()).contains(CountedChecks.NOTE).containsAll(l.notes());
            assertThat(s.measurements()).as(s.name()).hasSameSizeAs(l.measurements());
            for (int m = 0; m < l.measurements().size(); m++) {
                Measurement lm = l.measurements().get(m);
                Measurement sm = s.measurements().get(m);
                assertThat(sm.id()).isEqualTo(lm.id());
                assertThat(sm.n()).as(sm.id()).isEqualTo(lm.n());
                assertThat(sm.value()).as(sm.id()).isEqualTo(lm.value());
            }
            assertThat(s.tables().toString()).as(s.name()).isEqualTo(l.tables().toString());
        }
    }

    @Test
    void countsOnAdultEqualTheLocalOnes() {
        SuiteResult spark = spark(adult);
        assertSame(spark, adultLocal);
        CheckResult continuous = spark.checks().get(2);
        assertThat(continuous.measurement("distinct_count[fnlwgt]").value()).isGreaterThan(20_000);
        assertThat(continuous.measurement("distinct_count[score]").value()).isGreaterThan(100);
        assertThat(spark.checks().get(0).measurement("class_share[>50K]").n()).isEqualTo(32561L);
    }

    @Test
    void edgeCasesEqualTheLocalOnes() {
        SuiteResult local = edges.run();
        SuiteResult spark = spark(edges);
        assertSame(spark, local);
        CheckResult single = spark.checks().get(1);
        assertThat(single.measurement("distinct_count[zero]").value()).isEqualTo(2);
        assertThat(single.measurement("distinct_count[empty]").value()).isEqualTo(0);
        assertThat(single.measurement("single_value_columns").value()).isEqualTo(4);
        assertThat(spark.checks().get(2).measurement("distinct_count[fnlwgt]").value()).as("3 and a missing value").isEqualTo(2);
        assertThat(spark.checks().get(0).notes()).contains("1 rows have no label and are not counted.");
    }

    @Test
    void nanNullAndNegativeZeroCountAsInTheLocalFrame() {
        List<Row> rows = List.of(RowFactory.create("p", Double.NaN, null, 1), RowFactory.create("q", null, "a", 1),
                RowFactory.create("p", -0.0, "a", 1), RowFactory.create(null, 0.0, null, 1), RowFactory.create("p", 2.0, "a", 1));
        StructType type = new StructType().add("label", DataTypes.StringType).add("score", DataTypes.DoubleType)
                .add("fnlwgt", DataTypes.StringType).add("constant", DataTypes.IntegerType);
        Dataset<Row> data = SparkSessions.local().createDataFrame(rows, type).repartition(2);
        Frame frame = Frame.of(TextColumn.wrap("label", new String[] {"p", "q", "p", null, "p"}),
                NumericColumn.wrap("score", new double[] {Double.NaN, Double.NaN, -0.0, 0.0, 2.0}),
                TextColumn.wrap("fnlwgt", new String[] {null, "a", "a", null, "a"}), NumericColumn.wrap("constant", new double[] {1, 1, 1, 1, 1}));
        Schema schema = Schema.builder().label("label").build();
        SuiteResult spark = SparkAssay.run(Suite.of("nan", edges.suite().checks().toArray(dev.assay.core.check.Check[]::new)), schema, data);
        List<CheckResult> local = edges.suite().checks().stream()
                .map(c -> c.run(new CheckContext(dev.assay.core.data.Dataset.of("current", frame, schema), null))).toList();
        assertSame(spark, new SuiteResult("nan", null, local, spark.provenance(), spark.duration()));
        assertThat(spark.checks().get(1).measurement("distinct_count[score]").value()).isEqualTo(2);
        assertThat(spark.checks().get(2).measurement("distinct_count[score]").value()).isEqualTo(3);
        assertThat(spark.checks().get(0).measurement("class_share[p]").value()).isEqualTo(0.75);
        SuiteResult none = SparkAssay.run(Suite.of("none", edges.suite().checks().get(1)), schema, data.limit(0));
        assertThat(none.checks().get(0).measurement("single_value_columns").value()).isEqualTo(4);
        assertThat(none.checks().get(0).measurement("distinct_count[score]").n()).isZero();
    }

    @Test
    void moreDistinctScoresThanTheCombinationLimitAreCountedWithoutRowsOnTheDriver() {
        Dataset<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("adult.csv").toString());
        Schema schema = Schema.builder().label("income-per-year").prediction("prediction").score("score").build();
        Suite suite = Suite.of("limited", adult.suite().checks().get(0), adult.suite().checks().get(2));
        SuiteResult limited = SparkAssay.run(suite, schema, rows, null, null, null, Map.of(), new SparkAssay.Options(50),
                dev.assay.core.progress.Progress.NONE);
        SuiteResult local = adultLocal;
        for (int i = 0; i < 2; i++) {
            CheckResult r = limited.checks().get(i);
            assertThat(r.status()).as(r.message()).isNotEqualTo(Status.SKIPPED).isNotEqualTo(Status.ERROR);
            assertThat(r.notes()).contains(CountedChecks.NOTE);
        }
        for (String id : List.of("distinct_count[score]", "distinct_count[fnlwgt]")) {
            assertThat(limited.checks().get(1).measurement(id).value()).as(id)
                    .isEqualTo(local.checks().get(2).measurement(id).value()).isGreaterThan(50);
        }
    }
}
