package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing values and new categories on Spark, counted from the profiles of the data sets, equal the
 * local counts exactly: Adult with its {@code ?} markers left empty, two copies (65,122 rows) against
 * its first 3,000 rows, which lack some countries and occupations.
 */
class SparkDataQualityTest {
    @TempDir
    Path dir;

    @Test
    void missingValuesAndNewCategoriesEqualTheLocalCounts() throws IOException {
        blank(AdultData.write(dir.resolve("current.csv"), 0, 32561, 2));
        blank(AdultData.write(dir.resolve("reference.csv"), 0, 3000, 1));
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: Data quality on Spark
                data:
                  current: current.csv
                  reference: reference.csv
                columns:
                  label: income-per-year
                  prediction: prediction
                  score: score
                checks:
                  - name: Missing values
                    type: missing_values
                  - name: New categories
                    type: new_categories
                """);
        SuitePlan plan = SuitePlan.fromFile(suite);
        SuiteResult local = plan.run();
        SparkSessions.local();
        SuiteResult spark = new SparkSuiteEngine().run(plan, Map.of("master", "local[2]"), dev.assay.core.progress.Progress.NONE);
        for (int i = 0; i < 2; i++) {
            CheckResult l = local.checks().get(i);
            CheckResult s = spark.checks().get(i);
            assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(l.status());
            assertThat(s.message()).isEqualTo(l.message());
            assertThat(s.measurements()).as(s.name()).hasSameSizeAs(l.measurements());
            for (Measurement lm : l.measurements()) {
                Measurement sm = s.measurement(lm.id());
                assertThat(sm.value()).as(s.name() + " " + lm.id()).isEqualTo(lm.value());
                assertThat(sm.n()).as(s.name() + " " + lm.id()).isEqualTo(lm.n());
            }
            assertThat(s.notes()).anyMatch(n -> n.startsWith("Counted from the profile"));
            assertThat(s.tables().get(0).rows()).hasSameSizeAs(l.tables().get(0).rows());
        }
        assertThat(spark.checks().get(0).measurement("missing_count[workclass]").value()).isEqualTo(2 * 1836);
        assertThat(spark.checks().get(1).measurement("new_category_count[native-country]").value()).isGreaterThan(0);
    }

    /** Leaves Adult's {@code ?} markers empty, so both engines read them as missing. */
    private static void blank(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.stream().map(l -> l.replace(",?,", ",,")).toList(), StandardCharsets.UTF_8);
    }
}
